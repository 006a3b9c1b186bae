package io.aigw.gateway.config;

import io.aigw.gateway.adapter.in.web.TenantLimitsGlobalFilter;
import io.aigw.gateway.adapter.out.config.ConfiguredTenantPlans;
import io.aigw.gateway.adapter.out.config.StaticGatewayKeys;
import io.aigw.gateway.adapter.out.memory.LocalLimitStore;
import io.aigw.gateway.adapter.out.micrometer.MicrometerLimitMetrics;
import io.aigw.gateway.adapter.out.redis.RedisLimitStore;
import io.aigw.gateway.adapter.out.redis.RedisReplicaRegistry;
import io.aigw.gateway.application.LimitMetrics;
import io.aigw.gateway.application.ReplicaCount;
import io.aigw.gateway.application.TenantLimits;
import io.aigw.gateway.application.TenantPlans;
import io.aigw.gateway.domain.Plan;
import io.aigw.gateway.domain.TokenEstimate;
import io.aigw.lettuce.LoopTimers;
import io.aigw.lettuce.RequestPathRedisConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Tenant limits: plans, the shared Redis count, the local fallback and the replica count. */
@Configuration(proxyBeanMethods = false)
@Import(RequestPathRedisConfiguration.class)
public class LimitsConfiguration {

    @Bean
    TenantPlans tenantPlans(PlanProperties properties, GatewayProperties gateway) {
        Map<String, Plan> plans = new HashMap<>();
        properties
                .plans()
                .forEach(
                        (name, l) -> plans.put(name, new Plan(l.rpm(), l.tpm(), l.requestsPerDay(), l.tokensPerDay())));
        Map<String, String> keyPlans = properties.demoKeyPlan().isBlank()
                ? Map.of()
                : Map.of(StaticGatewayKeys.KEY_ID, properties.demoKeyPlan());
        return new ConfiguredTenantPlans(
                plans, Map.of(gateway.demoTenant(), properties.demoPlan()), keyPlans, properties.defaultPlan());
    }

    @Bean(destroyMethod = "close")
    RedisReplicaRegistry replicaCount(ReactiveStringRedisTemplate redis, LimitsProperties properties) {
        RedisReplicaRegistry registry = new RedisReplicaRegistry(redis, properties.replicaHeartbeat());
        registry.start();
        return registry;
    }

    @Bean(destroyMethod = "close")
    RedisLimitStore redisLimitStore(ReactiveStringRedisTemplate redis, LimitsProperties properties) {
        RedisLimitStore store = new RedisLimitStore(redis);
        store.startFlushing(properties.settleLinger());
        return store;
    }

    @Bean
    ApplicationRunner warmUpTenantLimits(RedisLimitStore store, LimitsProperties properties) {
        return args -> store.warmUp(properties.warmUp());
    }

    @Bean
    LimitMetrics limitMetrics(MeterRegistry registry) {
        return new MicrometerLimitMetrics(registry);
    }

    @Bean
    TenantLimits tenantLimits(
            TenantPlans plans,
            RedisLimitStore shared,
            ReplicaCount replicas,
            LimitsProperties properties,
            LimitMetrics metrics,
            LoopTimers timers) {
        return new TenantLimits(
                plans, shared, new LocalLimitStore(replicas), properties.budget(), metrics, Clock.systemUTC(), timers);
    }

    @Bean
    TenantLimitsGlobalFilter tenantLimitsGlobalFilter(
            TenantLimits limits, LimitsProperties properties, GatewayProperties gateway, JsonMapper json) {
        TokenEstimate estimate = new TokenEstimate(properties.defaultOutputTokens(), properties.maxEstimateTokens());
        return new TenantLimitsGlobalFilter(
                limits, estimate, json, gateway.maxRequestSize().toBytes());
    }

    @Bean
    HealthIndicator tenantLimitsHealthIndicator(TenantLimits limits, ReplicaCount replicas) {
        // informative, never DOWN: the gateway keeps serving within its local share while Redis is away
        return () -> Health.up()
                .withDetail("store", "redis")
                .withDetail("fallbackActive", limits.onFallback())
                .withDetail("knownReplicas", replicas.known())
                .build();
    }
}
