package io.aigw.routing.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.routing.adapter.out.memory.LocalCapacityStore;
import io.aigw.routing.domain.CapacityLimits;
import io.aigw.routing.domain.CapacityScope;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.DeploymentId;
import io.aigw.routing.domain.Model;
import io.aigw.routing.domain.PlannedDeployment;
import io.aigw.routing.domain.Price;
import io.aigw.routing.domain.Provider;
import io.aigw.routing.domain.ProviderType;
import io.aigw.routing.domain.RateLimit;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class ProviderCapacityTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Provider PROVIDER = new Provider(
            "p", ProviderType.OPENAI_COMPATIBLE, URI.create("http://127.0.0.1:1/v1"), "", Duration.ofSeconds(5));
    private static final Deployment LIMITED = deployment("limited");
    private static final Deployment FREE = deployment("free");
    private static final CapacityLimits LIMITS =
            new CapacityLimits(Map.of(), Map.of(new DeploymentId("p", "limited"), new RateLimit(4, 1000)));

    private static Deployment deployment(String name) {
        return new Deployment(new Model(name, "p", name, 1, Price.FREE, 8192, Set.of()), PROVIDER);
    }

    private static PlannedDeployment planned(Deployment deployment, int prompt, int output) {
        return new PlannedDeployment(deployment, prompt, output, BigDecimal.ZERO);
    }

    @Test
    void shouldNotAskAnyStoreWhenTheDeploymentHasNoLimit() {
        CountingStore shared = new CountingStore(new LocalCapacityStore(CLOCK, ReplicaCount.ONE));
        ProviderCapacity capacity = new ProviderCapacity(
                LIMITS, shared, shared, Duration.ofMillis(100), RoutingMetrics.NONE, Schedulers.parallel());

        Reservation reservation = capacity.reserve(planned(FREE, 10, 10), "r1").block();

        assertThat(reservation.granted()).isTrue();
        assertThat(shared.calls).hasValue(0);
    }

    @Test
    void shouldReserveThePromptAndTheExpectedOutputWhenLimited() {
        LocalCapacityStore shared = new LocalCapacityStore(CLOCK, ReplicaCount.ONE);
        ProviderCapacity capacity = new ProviderCapacity(
                LIMITS, shared, failing(), Duration.ofMillis(100), RoutingMetrics.NONE, Schedulers.parallel());

        Reservation first = capacity.reserve(planned(LIMITED, 300, 500), "r1").block();
        Reservation second = capacity.reserve(planned(LIMITED, 300, 500), "r2").block();

        assertThat(first.granted()).isTrue();
        assertThat(first.estimate()).isEqualTo(800);
        assertThat(first.local()).isFalse();
        assertThat(second.granted()).as("800 + 800 > 1000 tokens").isFalse();
        assertThat(second.retryAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldCountAgainstThisReplicasShareWhenTheSharedStoreFails() {
        ProviderCapacity capacity = new ProviderCapacity(
                LIMITS,
                failing(),
                new LocalCapacityStore(CLOCK, () -> 2),
                Duration.ofMillis(100),
                RoutingMetrics.NONE,
                Schedulers.parallel());

        List<Boolean> granted = List.of(1, 2, 3).stream()
                .map(i -> capacity.reserve(planned(LIMITED, 1, 1), "r" + i)
                        .block()
                        .granted())
                .toList();

        assertThat(granted).as("4 rpm shared by 2 replicas: 2 each").containsExactly(true, true, false);
        assertThat(capacity.onFallback()).isTrue();
    }

    @Test
    void shouldSkipTheDeploymentWithinTheBudgetAndNotCountLocallyWhenTheSharedStoreIsSlow() {
        AtomicInteger released = new AtomicInteger();
        CapacityStore hanging = new CountingStore(null) {
            @Override
            public Mono<Decision> reserve(List<CapacityScope> scopes, String id, long tokens) {
                return Mono.never();
            }

            @Override
            public Mono<Void> release(List<CapacityScope> scopes, String id) {
                return Mono.fromRunnable(released::incrementAndGet);
            }
        };
        ProviderCapacity capacity = new ProviderCapacity(
                LIMITS,
                hanging,
                new LocalCapacityStore(CLOCK, ReplicaCount.ONE),
                Duration.ofMillis(50),
                RoutingMetrics.NONE,
                Schedulers.parallel());

        Reservation reservation = capacity.reserve(planned(LIMITED, 1, 1), "r1").block(Duration.ofSeconds(5));

        // the other replicas still count in the slow store: a local grant on top could overshoot
        assertThat(reservation.granted()).isFalse();
        assertThat(reservation.local()).isFalse();
        assertThat(reservation.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(capacity.onFallback()).isFalse();
        assertThat(released).as("what a late script took is given back").hasValue(1);
    }

    @Test
    void shouldLeaveFallbackWhenTheSharedStoreAnswersAgain() {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        LocalCapacityStore healthy = new LocalCapacityStore(CLOCK, ReplicaCount.ONE);
        CapacityStore flaky = new CountingStore(healthy) {
            @Override
            public Mono<Decision> reserve(List<CapacityScope> scopes, String id, long tokens) {
                return failuresLeft.getAndDecrement() > 0
                        ? Mono.error(new IllegalStateException("down"))
                        : super.reserve(scopes, id, tokens);
            }
        };
        ProviderCapacity capacity = new ProviderCapacity(
                LIMITS,
                flaky,
                new LocalCapacityStore(CLOCK, ReplicaCount.ONE),
                Duration.ofMillis(100),
                RoutingMetrics.NONE,
                Schedulers.parallel());

        capacity.reserve(planned(LIMITED, 1, 1), "r1").block();
        assertThat(capacity.onFallback()).isTrue();
        Reservation second = capacity.reserve(planned(LIMITED, 1, 1), "r2").block();

        assertThat(second.local()).isFalse();
        assertThat(capacity.onFallback()).isFalse();
    }

    @Test
    void shouldSettleInTheStoreThatGrantedWhenTheCallFinishes() {
        LocalCapacityStore local = new LocalCapacityStore(CLOCK, ReplicaCount.ONE);
        ProviderCapacity capacity = new ProviderCapacity(
                LIMITS, failing(), local, Duration.ofMillis(100), RoutingMetrics.NONE, Schedulers.parallel());
        Reservation reservation =
                capacity.reserve(planned(LIMITED, 100, 800), "r1").block();

        capacity.settle(reservation, 150);

        // 850 of 1000 would not fit after the 900-token estimate; after settling to 150 it does
        assertThat(capacity.reserve(planned(LIMITED, 50, 800), "r2").block().granted())
                .isTrue();
    }

    @Test
    void shouldRefuseEveryReplicaWhenTheProviderSaidItIsFull() {
        LocalCapacityStore shared = new LocalCapacityStore(CLOCK, ReplicaCount.ONE);
        ProviderCapacity capacity = new ProviderCapacity(
                LIMITS, shared, failing(), Duration.ofMillis(100), RoutingMetrics.NONE, Schedulers.parallel());

        capacity.clamp(LIMITED, Duration.ofSeconds(7));

        Reservation refused = capacity.reserve(planned(LIMITED, 1, 1), "r1").block();
        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    private static CapacityStore failing() {
        return new CountingStore(null) {
            @Override
            public Mono<Decision> reserve(List<CapacityScope> scopes, String id, long tokens) {
                return Mono.error(new IllegalStateException("Redis is down"));
            }

            @Override
            public Mono<Void> block(List<CapacityScope> scopes, Duration wait) {
                return Mono.error(new IllegalStateException("Redis is down"));
            }
        };
    }

    /** Passes calls on to {@code delegate} and counts them. */
    private static class CountingStore implements CapacityStore {
        final AtomicInteger calls = new AtomicInteger();
        private final CapacityStore delegate;

        CountingStore(CapacityStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Mono<Decision> reserve(List<CapacityScope> scopes, String id, long tokens) {
            calls.incrementAndGet();
            return delegate.reserve(scopes, id, tokens);
        }

        @Override
        public Mono<Void> settle(List<CapacityScope> scopes, String id, long tokens) {
            calls.incrementAndGet();
            return delegate.settle(scopes, id, tokens);
        }

        @Override
        public Mono<Void> release(List<CapacityScope> scopes, String id) {
            calls.incrementAndGet();
            return delegate.release(scopes, id);
        }

        @Override
        public Mono<Void> block(List<CapacityScope> scopes, Duration wait) {
            calls.incrementAndGet();
            return delegate.block(scopes, wait);
        }
    }
}
