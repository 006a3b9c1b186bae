package io.aigw.routing.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.routing.application.CapacityStore.Decision;
import io.aigw.routing.application.CapacityStore.InUse;
import io.aigw.routing.domain.CapacityScope;
import io.aigw.routing.domain.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/**
 * The shared count against a real Redis. Two stores with their own connections stand for two routing
 * replicas; reservations race from both at once.
 */
class RedisCapacityStoreIT {

    @RegisterExtension
    static final TestRedis FIRST = new TestRedis();

    @RegisterExtension
    static final TestRedis SECOND = new TestRedis();

    private final RedisCapacityStore replicaA = new RedisCapacityStore(FIRST.template());
    private final RedisCapacityStore replicaB = new RedisCapacityStore(SECOND.template());

    /** A provider no other test (or run) uses. */
    private static String provider() {
        return "it-" + UUID.randomUUID();
    }

    private static long grantedOf(Flux<Decision> decisions) {
        return decisions.filter(Decision::granted).count().block(Duration.ofSeconds(30));
    }

    @Test
    void shouldGrantExactlyTheRequestLimitWhenTwoReplicasRace() {
        List<CapacityScope> scopes = List.of(CapacityScope.ofProvider(provider(), new RateLimit(50, 0)));

        long granted = grantedOf(
                Flux.range(0, 200).flatMap(i -> (i % 2 == 0 ? replicaA : replicaB).reserve(scopes, "r" + i, 1), 64));

        assertThat(granted).isEqualTo(50);
    }

    @Test
    void shouldGrantExactlyTheTokenLimitWhenTwoReplicasRace() {
        List<CapacityScope> scopes = List.of(CapacityScope.ofProvider(provider(), new RateLimit(0, 1000)));

        long granted = grantedOf(
                Flux.range(0, 100).flatMap(i -> (i % 2 == 0 ? replicaA : replicaB).reserve(scopes, "r" + i, 100), 32));

        assertThat(granted).isEqualTo(10);
    }

    @Test
    void shouldTakeNothingInAnyScopeWhenOneScopeIsFull() {
        String provider = provider();
        CapacityScope account = CapacityScope.ofProvider(provider, new RateLimit(3, 0));
        CapacityScope model = new CapacityScope(provider, "model:m", new RateLimit(1, 0));

        assertThat(replicaA.reserve(List.of(account, model), "r1", 1).block().granted())
                .isTrue();
        Decision refused = replicaB.reserve(List.of(account, model), "r2", 1).block();

        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAfter())
                .isGreaterThan(Duration.ofSeconds(55))
                .isLessThanOrEqualTo(Duration.ofMinutes(1));
        // the account took only r1: two more fit there
        assertThat(grantedOf(Flux.range(0, 3).concatMap(i -> replicaA.reserve(List.of(account), "x" + i, 1))))
                .isEqualTo(2);
    }

    @Test
    void shouldFreeTheEstimateWhenACallSettlesLowerOnAnotherReplica() {
        List<CapacityScope> scopes = List.of(CapacityScope.ofProvider(provider(), new RateLimit(0, 1000)));
        assertThat(replicaA.reserve(scopes, "r1", 900).block().granted()).isTrue();
        assertThat(replicaB.reserve(scopes, "r2", 200).block().granted()).isFalse();

        replicaB.settle(scopes, "r1", 100).block();

        assertThat(replicaB.reserve(scopes, "r2", 900).block().granted()).isTrue();
        assertThat(replicaA.reserve(scopes, "r3", 1).block().granted()).isFalse();
    }

    @Test
    void shouldReportWhatEachScopeHoldsAfterTheDecision() {
        String provider = provider();
        CapacityScope account = CapacityScope.ofProvider(provider, new RateLimit(10, 1000));
        CapacityScope model = new CapacityScope(provider, "model:m", new RateLimit(2, 0));
        replicaA.reserve(List.of(account, model), "r1", 100).block();
        replicaB.reserve(List.of(account), "r2", 250).block();

        Decision granted = replicaA.reserve(List.of(account, model), "r3", 50).block();
        Decision refused = replicaB.reserve(List.of(account, model), "r4", 50).block();

        assertThat(granted.inUse()).containsExactly(new InUse(3, 400), new InUse(2, 150));
        assertThat(refused.granted()).isFalse();
        assertThat(refused.inUse()).containsExactly(new InUse(3, 400), new InUse(2, 150));
    }

    @Test
    void shouldGiveBackTheRequestAndTokensWhenACallIsReleased() {
        List<CapacityScope> scopes = List.of(CapacityScope.ofProvider(provider(), new RateLimit(1, 500)));
        assertThat(replicaA.reserve(scopes, "r1", 500).block().granted()).isTrue();

        replicaA.release(scopes, "r1").block();

        // the replica's next reservation of these scopes carries the release and applies it first
        assertThat(replicaA.reserve(scopes, "r2", 500).block().granted()).isTrue();
    }

    @Test
    void shouldShowAnotherReplicaTheReleaseOnceItIsFlushedOrItsGroupIsFull() {
        // given a reservation released on replica A, whose release waits for A's next reservation
        List<CapacityScope> scopes = List.of(CapacityScope.ofProvider(provider(), new RateLimit(1, 0)));
        assertThat(replicaA.reserve(scopes, "r1", 1).block().granted()).isTrue();
        replicaA.release(scopes, "r1").block();
        assertThat(replicaB.reserve(scopes, "r2", 1).block().granted()).isFalse();

        // when A flushes (its timer every settle-linger, or on close)
        replicaA.flush().block(Duration.ofSeconds(5));

        // then B sees the request given back
        assertThat(replicaB.reserve(scopes, "r2", 1).block().granted()).isTrue();
    }

    @Test
    void shouldSendAFullGroupOfSettlementsAtOnce() {
        // given as many reservations as one call carries, on a provider at its token limit
        int full = RedisCapacityStore.MOST_CARRIED;
        List<CapacityScope> scopes = List.of(CapacityScope.ofProvider(provider(), new RateLimit(0, 10L * full)));
        for (int i = 0; i < full; i++) {
            assertThat(replicaA.reserve(scopes, "r" + i, 10).block().granted()).isTrue();
        }
        assertThat(replicaB.reserve(scopes, "next", 1).block().granted()).isFalse();

        // when every one settles to a token less than its estimate
        for (int i = 0; i < full; i++) {
            replicaA.settle(scopes, "r" + i, 9).block();
        }

        // then the last one filled the group, which went without waiting: another replica sees the room
        assertThat(replicaB.reserve(scopes, "next", full).block().granted()).isTrue();
    }

    @Test
    void shouldRefuseOnEveryReplicaWhileAProviderBlockLasts() {
        List<CapacityScope> scopes = List.of(CapacityScope.ofProvider(provider(), new RateLimit(100, 0)));

        replicaA.block(scopes, Duration.ofSeconds(30)).block();
        Decision refused = replicaB.reserve(scopes, "r1", 1).block();

        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAfter())
                .isGreaterThan(Duration.ofSeconds(25))
                .isLessThanOrEqualTo(Duration.ofSeconds(30));
    }
}
