package io.aigw.gateway.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.gateway.domain.LimitDecision;
import io.aigw.gateway.domain.LimitKind;
import io.aigw.gateway.domain.LimitScope;
import io.aigw.gateway.domain.Plan;
import io.aigw.gateway.domain.ScopeUsage;
import io.aigw.gateway.domain.UtcDay;
import io.aigw.testsupport.RedisEndpoint;
import io.aigw.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import reactor.core.publisher.Flux;

/**
 * The shared count against a real Redis. Two stores with their own connections stand for two gateway
 * replicas; requests race from both at once.
 */
class RedisLimitStoreIT {

    private static LettuceConnectionFactory first;
    private static LettuceConnectionFactory second;
    private static ReactiveStringRedisTemplate redis;
    private static RedisLimitStore replicaA;
    private static RedisLimitStore replicaB;

    @BeforeAll
    static void connect() {
        RedisEndpoint endpoint = TestInfrastructure.redis();
        first = factory(endpoint);
        second = factory(endpoint);
        redis = new ReactiveStringRedisTemplate(first);
        replicaA = new RedisLimitStore(redis);
        replicaB = new RedisLimitStore(new ReactiveStringRedisTemplate(second));
    }

    private static LettuceConnectionFactory factory(RedisEndpoint endpoint) {
        LettuceConnectionFactory factory =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration(endpoint.host(), endpoint.port()));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    @AfterAll
    static void close() {
        first.destroy();
        second.destroy();
    }

    /** A tenant no other test (or run) uses. */
    private static String tenant() {
        return "it-" + UUID.randomUUID();
    }

    private static RedisLimitStore replica(int i) {
        return i % 2 == 0 ? replicaA : replicaB;
    }

    private static long granted(List<LimitScope> scopes, int requests, long tokens, int concurrency) {
        Instant now = Instant.now();
        String batch = UUID.randomUUID().toString();
        return Flux.range(0, requests)
                .flatMap(i -> replica(i).reserve(scopes, batch + "-" + i, tokens, now), concurrency)
                .filter(LimitDecision::granted)
                .count()
                .block(Duration.ofSeconds(30));
    }

    @Test
    void shouldGrantExactlyTheRequestsPerMinuteWhenTwoReplicasRace() {
        // given
        List<LimitScope> scopes = List.of(LimitScope.ofTenant(tenant(), new Plan(50, 0, 0, 0)));

        // when
        long granted = granted(scopes, 200, 1, 64);

        // then
        assertThat(granted).isEqualTo(50);
    }

    @Test
    void shouldGrantExactlyTheTokensPerMinuteWhenTwoReplicasRace() {
        // given
        List<LimitScope> scopes = List.of(LimitScope.ofTenant(tenant(), new Plan(0, 1000, 0, 0)));

        // when
        long granted = granted(scopes, 100, 100, 32);

        // then
        assertThat(granted).isEqualTo(10);
    }

    @Test
    void shouldGrantExactlyTheDailyQuotaWhenTwoReplicasRace() {
        // given
        List<LimitScope> scopes = List.of(LimitScope.ofTenant(tenant(), new Plan(0, 0, 30, 0)));

        // when
        long granted = granted(scopes, 100, 1, 32);

        // then
        assertThat(granted).isEqualTo(30);
        LimitDecision refused =
                replicaA.reserve(scopes, "late", 1, Instant.now()).block();
        assertThat(refused.refusedBy()).isEqualTo(LimitKind.REQUESTS_PER_DAY);
        assertThat(refused.retryAfter()).isEqualTo(refused.dayReset());
    }

    @Test
    void shouldReportUsageAndTheWindowsResetWhenGranting() {
        // given
        Plan plan = new Plan(10, 1000, 100, 10_000);
        List<LimitScope> scopes = List.of(LimitScope.ofTenant(tenant(), plan));

        // when
        LimitDecision decision =
                replicaA.reserve(scopes, "r1", 120, Instant.now()).block();

        // then
        assertThat(decision.granted()).isTrue();
        ScopeUsage usage = decision.usages().get(0);
        assertThat(usage)
                .usingRecursiveComparison()
                .ignoringFields("minuteReset")
                .isEqualTo(new ScopeUsage(plan, 1, 120, Duration.ZERO, 1, 120));
        assertThat(usage.minuteReset()).isGreaterThan(Duration.ZERO).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldChargeNoScopeWhenTheKeysOwnPlanIsFull() {
        // given
        String tenant = tenant();
        LimitScope tenantScope = LimitScope.ofTenant(tenant, new Plan(3, 0, 0, 0));
        LimitScope keyScope = LimitScope.ofKey(tenant, "k1", new Plan(1, 0, 0, 0));
        assertThat(replicaA.reserve(List.of(tenantScope, keyScope), "r1", 1, Instant.now())
                        .block()
                        .granted())
                .isTrue();

        // when
        LimitDecision refused = replicaB.reserve(List.of(tenantScope, keyScope), "r2", 1, Instant.now())
                .block();

        // then
        assertThat(refused.refusedBy()).isEqualTo(LimitKind.RPM);
        assertThat(refused.refusedScope()).isEqualTo(1);
        assertThat(refused.retryAfter())
                .isGreaterThan(Duration.ofSeconds(55))
                .isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(granted(List.of(tenantScope), 3, 1, 1))
                .as("the tenant took only r1: two more fit")
                .isEqualTo(2);
    }

    @Test
    void shouldFreeTheEstimateInTheMinuteAndTheDayWhenARequestSettlesLowerOnAnotherReplica() {
        // given
        List<LimitScope> scopes = List.of(LimitScope.ofTenant(tenant(), new Plan(0, 1000, 0, 1000)));
        Instant now = Instant.now();
        assertThat(replicaA.reserve(scopes, "r1", 900, now).block().granted()).isTrue();
        assertThat(replicaB.reserve(scopes, "r2", 200, now).block().granted()).isFalse();

        // when
        replicaB.settle(scopes, "r1", UtcDay.of(now), 900, 100).block();

        // then
        LimitDecision decision = replicaB.reserve(scopes, "r2", 900, now).block();
        assertThat(decision.granted()).isTrue();
        assertThat(decision.usages().get(0).minuteTokens()).isEqualTo(1000);
        assertThat(decision.usages().get(0).dayTokens()).isEqualTo(1000);
        assertThat(replicaA.reserve(scopes, "r3", 1, now).block().granted()).isFalse();
    }

    @Test
    void shouldCarryTheSettlementInTheNextReservationOfTheSameTenantInsteadOfACallOfItsOwn() {
        // given a request of 900 estimated tokens that used 100
        List<LimitScope> scopes = List.of(LimitScope.ofTenant(tenant(), new Plan(0, 1000, 0, 1000)));
        Instant now = Instant.now();
        assertThat(replicaA.reserve(scopes, "r1", 900, now).block().granted()).isTrue();

        // when it is settled on this replica
        replicaA.settle(scopes, "r1", UtcDay.of(now), 900, 100).block();

        // then Redis still counts the estimate: the settlement waits for a call that goes anyway
        assertThat(minuteTokens(scopes)).isEqualTo(900);
        // and the next reservation settles it before it checks: 100 + 900 fit in 1,000
        LimitDecision next = replicaA.reserve(scopes, "r2", 900, now).block();
        assertThat(next.granted()).isTrue();
        assertThat(next.usages().get(0).minuteTokens()).isEqualTo(1000);
        assertThat(next.usages().get(0).dayTokens()).isEqualTo(1000);
    }

    @Test
    void shouldSendTheSettlementsNoReservationTookWhenFlushedOrWhenAGroupIsFull() {
        // given requests of one tenant, 10 estimated tokens each, settled to 1
        List<LimitScope> scopes = List.of(LimitScope.ofTenant(tenant(), new Plan(0, 0, 0, 0)));
        Instant now = Instant.now();
        int requests = RedisLimitStore.MOST_CARRIED + 2;
        for (int i = 0; i < requests; i++) {
            replicaB.reserve(scopes, "r" + i, 10, now).block();
        }
        assertThat(minuteTokens(scopes)).isEqualTo(10L * requests);

        // when all but two are settled: the group fills, and is sent without waiting
        for (int i = 0; i < RedisLimitStore.MOST_CARRIED; i++) {
            replicaB.settle(scopes, "r" + i, UtcDay.of(now), 10, 1).block();
        }
        assertThat(minuteTokens(scopes)).isEqualTo(RedisLimitStore.MOST_CARRIED + 2 * 10L);

        // when the last two are settled and the replica flushes (its timer, or on close)
        replicaB.settle(scopes, "r" + (requests - 2), UtcDay.of(now), 10, 1).block();
        replicaB.settle(scopes, "r" + (requests - 1), UtcDay.of(now), 10, 1).block();
        replicaB.flush().block(Duration.ofSeconds(5));

        // then every request counts its real tokens, in the minute and in the day
        assertThat(minuteTokens(scopes)).isEqualTo(requests);
        assertThat(replicaA.reserve(scopes, "last", 0, now)
                        .block()
                        .usages()
                        .get(0)
                        .dayTokens())
                .isEqualTo(requests);
    }

    private static long minuteTokens(List<LimitScope> scopes) {
        String value = redis.opsForValue()
                .get(RedisLimitStore.prefix(scopes.get(0)) + "tokens")
                .block(Duration.ofSeconds(5));
        return Long.parseLong(value);
    }

    @Test
    void shouldKeepEveryKeyOfATenantUnderOneHashTagWhenCounting() {
        // given
        String tenant = tenant();
        List<LimitScope> scopes = List.of(
                LimitScope.ofTenant(tenant, new Plan(5, 500, 50, 5000)),
                LimitScope.ofKey(tenant, "k1", new Plan(5, 500, 50, 5000)));

        // when
        replicaA.reserve(scopes, "r1", 10, Instant.now()).block();

        // then
        List<String> keys = redis.scan(ScanOptions.scanOptions()
                        .match("*" + tenant + "*")
                        .count(1000)
                        .build())
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(keys).hasSize(10).allSatisfy(key -> assertThat(key).startsWith("aigw:tenant:{" + tenant + "}:"));
    }
}
