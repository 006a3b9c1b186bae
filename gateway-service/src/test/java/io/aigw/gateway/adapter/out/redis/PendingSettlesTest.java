package io.aigw.gateway.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PendingSettlesTest {

    private static final List<String> ACME = List.of("aigw:tenant:{acme}:amounts", "aigw:tenant:{acme}:tokens");
    private static final List<String> GLOBEX = List.of("aigw:tenant:{globex}:amounts", "aigw:tenant:{globex}:tokens");

    private static PendingSettles.Settle settle(int i) {
        return new PendingSettles.Settle("r" + i, 100, i);
    }

    @Test
    void shouldHandEachGroupItsOwnSettlementsOldestFirstAtMostAFullCallAtATime() {
        PendingSettles pending = new PendingSettles(3);

        assertThat(pending.add(ACME, settle(1))).isFalse();
        assertThat(pending.add(GLOBEX, settle(2))).isFalse();
        assertThat(pending.add(ACME, settle(3))).isFalse();
        // the third of a group fills a call: it should be sent now
        assertThat(pending.add(ACME, settle(4))).isTrue();
        assertThat(pending.add(ACME, settle(5))).isTrue();

        assertThat(pending.waiting()).containsExactlyInAnyOrder(ACME, GLOBEX);
        assertThat(pending.take(ACME)).extracting(PendingSettles.Settle::id).containsExactly("r1", "r3", "r4");
        assertThat(pending.take(ACME)).extracting(PendingSettles.Settle::id).containsExactly("r5");
        assertThat(pending.take(ACME)).isEmpty();
        assertThat(pending.take(List.of("unknown"))).isEmpty();
        assertThat(pending.waiting()).containsExactly(GLOBEX);
    }

    @Test
    void shouldForgetOnlyEmptyGroupsWhenPruned() {
        PendingSettles pending = new PendingSettles(32);
        pending.add(ACME, settle(1));
        pending.add(GLOBEX, settle(2));
        pending.take(ACME);

        pending.prune();
        pending.add(ACME, settle(3));

        assertThat(pending.take(GLOBEX)).extracting(PendingSettles.Settle::id).containsExactly("r2");
        assertThat(pending.take(ACME)).extracting(PendingSettles.Settle::id).containsExactly("r3");
    }

    @Test
    void shouldLoseNoSettlementWhileAddsRaceWithTakesAndPrunes() throws Exception {
        // given: four threads add 5,000 settlements each to two groups while one takes and prunes
        PendingSettles pending = new PendingSettles(8);
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
            List<PendingSettles.Settle> rest;
            while (!(rest = pending.take(group)).isEmpty()) {
                taken.addAndGet(rest.size());
            }
        }

        // then every settlement came out once
        assertThat(taken).hasValue(20_000);
    }
}
