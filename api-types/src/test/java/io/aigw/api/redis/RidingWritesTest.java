package io.aigw.api.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RidingWritesTest {

    /** A settlement, as the gateway's tenant limits write one. */
    record Settle(String id, long estimate, long actual) {}

    private static final List<String> ACME = List.of("aigw:tenant:{acme}:amounts", "aigw:tenant:{acme}:tokens");
    private static final List<String> GLOBEX = List.of("aigw:tenant:{globex}:amounts", "aigw:tenant:{globex}:tokens");

    private static Settle settle(int i) {
        return new Settle("r" + i, 100, i);
    }

    @Test
    void shouldHandEachGroupItsOwnSettlementsOldestFirstAtMostAFullCallAtATime() {
        RidingWrites<Settle> pending = new RidingWrites<Settle>(3);

        assertThat(pending.add(ACME, settle(1))).isFalse();
        assertThat(pending.add(GLOBEX, settle(2))).isFalse();
        assertThat(pending.add(ACME, settle(3))).isFalse();
        // the third of a group fills a call: it should be sent now
        assertThat(pending.add(ACME, settle(4))).isTrue();
        assertThat(pending.add(ACME, settle(5))).isTrue();

        assertThat(pending.waiting()).containsExactlyInAnyOrder(ACME, GLOBEX);
        assertThat(pending.take(ACME)).extracting(Settle::id).containsExactly("r1", "r3", "r4");
        assertThat(pending.take(ACME)).extracting(Settle::id).containsExactly("r5");
        assertThat(pending.take(ACME)).isEmpty();
        assertThat(pending.take(List.of("unknown"))).isEmpty();
        assertThat(pending.waiting()).containsExactly(GLOBEX);
    }

    @Test
    void shouldDrainEveryGroupAFullCallAtATimeAndForgetTheEmptiedGroups() {
        RidingWrites<Settle> pending = new RidingWrites<>(2);
        for (int i = 1; i <= 5; i++) {
            pending.add(ACME, settle(i));
        }
        pending.add(GLOBEX, settle(6));

        List<RidingWrites.Batch<Settle>> batches = pending.drain();

        assertThat(batches)
                .extracting(batch ->
                        batch.keys().equals(ACME) ? "acme " + batch.writes().size() : "globex")
                .containsExactlyInAnyOrder("acme 2", "acme 2", "acme 1", "globex");
        assertThat(pending.waiting()).isEmpty();
        assertThat(pending.drain()).isEmpty();
    }

    @Test
    void shouldLeaveTheWritesYoungerThanTheLingerForTheNextCallOnTheirKeys() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RidingWrites<Settle> pending = new RidingWrites<>(2, now::get);
        pending.add(ACME, settle(1));
        pending.add(ACME, settle(2));
        pending.add(ACME, settle(3));
        now.addAndGet(Duration.ofMillis(60).toNanos());
        pending.add(ACME, settle(4));
        pending.add(GLOBEX, settle(5));
        now.addAndGet(Duration.ofMillis(50).toNanos());

        List<RidingWrites.Batch<Settle>> old = pending.drain(Duration.ofMillis(100));

        // r1–r3 waited 110 ms, r4 and r5 only 50: those stay, oldest first, for a reservation to carry
        assertThat(old)
                .extracting(batch -> batch.writes().stream().map(Settle::id).toList())
                .containsExactly(List.of("r1", "r2"), List.of("r3"));
        assertThat(pending.take(ACME)).extracting(Settle::id).containsExactly("r4");
        now.addAndGet(Duration.ofMillis(50).toNanos());
        assertThat(pending.drain(Duration.ofMillis(100))).singleElement().satisfies(batch -> assertThat(batch.keys())
                .isEqualTo(GLOBEX));
        assertThat(pending.waiting()).isEmpty();
    }

    @Test
    void shouldRefuseAGroupThatCouldHoldNothing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RidingWrites<Settle>(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldForgetOnlyEmptyGroupsWhenPruned() {
        RidingWrites<Settle> pending = new RidingWrites<Settle>(32);
        pending.add(ACME, settle(1));
        pending.add(GLOBEX, settle(2));
        pending.take(ACME);

        pending.prune();
        pending.add(ACME, settle(3));

        assertThat(pending.take(GLOBEX)).extracting(Settle::id).containsExactly("r2");
        assertThat(pending.take(ACME)).extracting(Settle::id).containsExactly("r3");
    }

    @Test
    void shouldLoseNoSettlementWhileAddsRaceWithTakesAndPrunes() throws Exception {
        // given: four threads add 5,000 settlements each to two groups while one takes and prunes
        RidingWrites<Settle> pending = new RidingWrites<Settle>(8);
        AtomicInteger taken = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> adders = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<String> group = t % 2 == 0 ? ACME : GLOBEX;
                adders.add(threads.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        pending.add(group, settle(i));
                    }
                }));
            }
            Future<?> taker = threads.submit(() -> {
                while (adders.stream().anyMatch(f -> !f.isDone())) {
                    for (List<String> group : pending.waiting()) {
                        taken.addAndGet(pending.take(group).size());
                    }
                    pending.prune();
                }
            });
            for (Future<?> adder : adders) {
                adder.get(30, TimeUnit.SECONDS);
            }
            taker.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        // when what is left is taken
        for (List<String> group : pending.waiting()) {
            List<Settle> rest;
            while (!(rest = pending.take(group)).isEmpty()) {
                taken.addAndGet(rest.size());
            }
        }

        // then every settlement came out once
        assertThat(taken).hasValue(20_000);
    }
}
