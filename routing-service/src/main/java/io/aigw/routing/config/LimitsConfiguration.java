package io.aigw.routing.config;

import io.aigw.lettuce.LoopTimers;
import io.aigw.lettuce.RequestPathRedisConfiguration;
import io.aigw.routing.adapter.out.memory.LocalCapacityStore;
import io.aigw.routing.adapter.out.redis.RedisCapacityStore;
import io.aigw.routing.adapter.out.redis.RedisReplicaRegistry;
import io.aigw.routing.application.ProviderCapacity;
import io.aigw.routing.application.ReplicaCount;
import io.aigw.routing.application.RoutingMetrics;
import io.aigw.routing.config.RoutingProperties.LimitsProperties;
import io.aigw.routing.domain.CapacityLimits;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Provider RPM/TPM limits: the shared Redis count, the local fallback and the replica count. */
@Configuration(proxyBeanMethods = false)
@Import(RequestPathRedisConfiguration.class)
public class LimitsConfiguration {

    @Bean(destroyMethod = "close")
    ReplicaCount replicaCount(
            RoutingProperties properties, CapacityLimits limits, ObjectProvider<ReactiveStringRedisTemplate> redis) {
        LimitsProperties config = properties.limits();
        if (limits.isEmpty() || config.store() == LimitsProperties.Store.LOCAL) {
            return new FixedReplicaCount(1);
        }
        RedisReplicaRegistry registry = new RedisReplicaRegistry(redis.getObject(), config.replicaHeartbeat());
        registry.start();
        return registry;
    }

    /**
     * The shared count; also with {@code store: local}, where it stays unused (it connects only when
     * asked). Closing it sends the settlements still waiting for a reservation to carry them.
     */
    @Bean(destroyMethod = "close")
    RedisCapacityStore redisCapacityStore(
            RoutingProperties properties, CapacityLimits limits, ObjectProvider<ReactiveStringRedisTemplate> redis) {
        LimitsProperties config = properties.limits();
        RedisCapacityStore shared = new RedisCapacityStore(redis.getObject(), window(config));
        if (!limits.isEmpty() && config.store() == LimitsProperties.Store.REDIS) {
            shared.warmUp(Duration.ofSeconds(2));
        }
        shared.startFlushing(config.settleLinger());
        return shared;
    }

    @Bean
    ProviderCapacity providerCapacity(
            RoutingProperties properties,
            CapacityLimits limits,
            ReplicaCount replicas,
            RedisCapacityStore shared,
            RoutingMetrics metrics,
            Clock clock,
            LoopTimers timers) {
        LimitsProperties config = properties.limits();
        Duration window = window(config);
        LocalCapacityStore local = new LocalCapacityStore(clock, replicas, window);
        if (config.store() == LimitsProperties.Store.LOCAL) {
            // each replica alone against the whole limit: the comparison the limits benchmark needs
            return new ProviderCapacity(
                    limits, new LocalCapacityStore(clock, () -> 1, window), local, config.budget(), metrics, timers);
        }
        return new ProviderCapacity(limits, shared, local, config.budget(), metrics, timers);
    }

    private static Duration window(LimitsProperties config) {
        return Duration.ofMinutes(1).plus(config.windowMargin());
    }

    @Bean
    HealthIndicator providerLimitsHealthIndicator(
            ProviderCapacity capacity, ReplicaCount replicas, RoutingProperties properties, CapacityLimits limits) {
        // informative, never DOWN: routing keeps serving within its local share while Redis is away
        return () -> Health.up()
                .withDetail("limited", !limits.isEmpty())
                .withDetail("store", properties.limits().store().name().toLowerCase(java.util.Locale.ROOT))
                .withDetail("fallbackActive", capacity.onFallback())
                .withDetail("knownReplicas", replicas.known())
                .build();
    }

    /** A replica count that never changes; closes to nothing. */
    record FixedReplicaCount(int known) implements ReplicaCount, AutoCloseable {
        @Override
        public void close() {}
    }
}
