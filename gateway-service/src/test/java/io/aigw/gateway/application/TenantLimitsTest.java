package io.aigw.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.gateway.adapter.out.memory.LocalLimitStore;
import io.aigw.gateway.domain.AppliedPlans;
import io.aigw.gateway.domain.KeyOwner;
import io.aigw.gateway.domain.LimitDecision;
import io.aigw.gateway.domain.LimitKind;
import io.aigw.gateway.domain.LimitScope;
import io.aigw.gateway.domain.Plan;
import io.aigw.gateway.domain.UtcDay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class TenantLimitsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final KeyOwner OWNER = new KeyOwner("acme", "k1");

    private final SwitchableStore shared = new SwitchableStore();
    private final RecordingMetrics metrics = new RecordingMetrics();

    private TenantLimits limits(Plan plan, int replicas) {
        TenantPlans plans = owner -> Mono.just(AppliedPlans.ofTenant(plan));
        return new TenantLimits(
                plans,
                shared,
                new LocalLimitStore(() -> replicas),
                Duration.ofMillis(100),
                metrics,
                CLOCK,
                Schedulers.parallel());
    }

    @Test
    void shouldCountAgainstThisReplicasShareAndSaySoWhenTheSharedStoreFails() {
        // given
        TenantLimits limits = limits(new Plan(4, 0, 0, 0), 2);
        shared.failing = true;

        // when
        Admission first = limits.admit(OWNER, "a", 1).block();
        Admission second = limits.admit(OWNER, "b", 1).block();
        Admission third = limits.admit(OWNER, "c", 1).block();

        // then: 4 rpm over 2 replicas leaves this one 2
        assertThat(List.of(first.granted(), second.granted(), third.granted())).containsExactly(true, true, false);
        assertThat(third.local()).isTrue();
        assertThat(limits.onFallback()).isTrue();
        assertThat(metrics.fallback.getAsBoolean()).isTrue();
        assertThat(metrics.rejected).containsExactly("acme:rpm");
    }

    @Test
    void shouldEndTheFallbackWhenTheSharedStoreAnswersAgain() {
        // given
        TenantLimits limits = limits(new Plan(4, 0, 0, 0), 1);
        shared.failing = true;
        limits.admit(OWNER, "a", 1).block();

        // when
        shared.failing = false;
        Admission admission = limits.admit(OWNER, "b", 1).block();

        // then
        assertThat(admission.local()).isFalse();
        assertThat(limits.onFallback()).isFalse();
    }

    @Test
    void shouldChargeNothingAndAskNoStoreWhenThePlanIsUnlimited() {
        // given
        TenantLimits limits = limits(Plan.UNLIMITED, 1);

        // when
        Admission admission = limits.admit(OWNER, "a", 100).block();
        limits.settle(admission, 10).block();

        // then
        assertThat(admission.granted()).isTrue();
        assertThat(admission.status().requests()).isEmpty();
        assertThat(shared.calls).isZero();
    }

    @Test
    void shouldSettleInTheStoreThatChargedWhenTheAnswerArrives() {
        // given
        TenantLimits limits = limits(new Plan(0, 0, 0, 1000), 1);
        Admission admission = limits.admit(OWNER, "a", 300).block();

        // when
        limits.settle(admission, 30).block();

        // then
        assertThat(shared.settled).containsExactly("a:300->30");
    }

    /** A shared store that can be broken, and otherwise counts with the local arithmetic. */
    private static final class SwitchableStore implements LimitStore {
        private final LocalLimitStore counts = new LocalLimitStore(() -> 1);
        private final List<String> settled = new ArrayList<>();
        private boolean failing;
        private int calls;

        @Override
        public Mono<LimitDecision> reserve(List<LimitScope> scopes, String id, long tokens, Instant now) {
            calls++;
            return failing ? Mono.error(new IllegalStateException("down")) : counts.reserve(scopes, id, tokens, now);
        }

        @Override
        public Mono<Void> settle(List<LimitScope> scopes, String id, UtcDay day, long estimate, long actual) {
            calls++;
            settled.add(id + ":" + estimate + "->" + actual);
            return Mono.empty();
        }
    }

    private static final class RecordingMetrics implements LimitMetrics {
        private final List<String> rejected = new ArrayList<>();
        private BooleanSupplier fallback;

        @Override
        public void rejected(String tenantId, LimitKind kind) {
            rejected.add(tenantId + ":" + kind.label());
        }

        @Override
        public void fallback(BooleanSupplier active) {
            fallback = active;
        }
    }
}
