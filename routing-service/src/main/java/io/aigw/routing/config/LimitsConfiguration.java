package io.aigw.routing.config;

import io.aigw.routing.adapter.out.memory.LocalCapacityStore;
import io.aigw.routing.adapter.out.redis.OffLoopRedisConnections;
import io.aigw.routing.adapter.out.redis.ReactorNettyEventLoops;
import io.aigw.routing.adapter.out.redis.RedisCapacityStore;
import io.aigw.routing.adapter.out.redis.RedisReplicaRegistry;
import io.aigw.routing.application.ProviderCapacity;
import io.aigw.routing.application.ReplicaCount;
import io.aigw.routing.application.RoutingMetrics;
import io.aigw.routing.config.RoutingProperties.LimitsProperties;
import io.aigw.routing.domain.CapacityLimits;
import io.lettuce.core.ClientOptions;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

/** Provider RPM/TPM limits: the shared Redis count, the local fallback and the replica count. */
@Configuration(proxyBeanMethods = false)
public class LimitsConfiguration {

    /**
     * Commands fail at once while Redis is disconnected instead of queueing until it returns: the
     * request path has a budget of milliseconds and a local fallback, not a reason to wait.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options ->
                options.autoReconnect(true).disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * Redis commands and their replies on the HTTP event loops rather than on Lettuce's own threads:
     * no hand-over between threads per command (ADR 0041 amendment). Opt-in, with {@code
     * aigw.redis.share-http-event-loops=true}: it measured a tenth less CPU per request, and more requests
     * that missed the limits' Redis budget in a burst; only where the two libraries use the same transport.
     */
    @Bean
    @ConditionalOnProperty(name = "aigw.redis.share-http-event-loops", havingValue = "true")
    ClientResourcesBuilderCustomizer redisOnHttpEventLoops(ReactorResourceFactory http) {
        return resources -> {
            if (ReactorNettyEventLoops.fit()) {
                resources
                        .eventLoopGroupProvider(new ReactorNettyEventLoops(
                                http.getLoopResources(), LoopResources.DEFAULT_IO_WORKER_COUNT))
                        .nettyCustomizer(ReactorNettyEventLoops.flushOncePerTurn());
            }
        };
    }

    /**
     * The template every Redis adapter here uses, over a connection that is never opened on an event
     * loop ({@link OffLoopRedisConnections}): opened now, at start-up, and while Redis is away, off
     * the loops. It replaces Spring Boot's {@code reactiveStringRedisTemplate}, which backs off by name.
     */
    @Bean
    ReactiveStringRedisTemplate reactiveStringRedisTemplate(LettuceConnectionFactory lettuce) {
        OffLoopRedisConnections connections =
                new OffLoopRedisConnections(lettuce, Schedulers.boundedElastic(), 1000, System::nanoTime);
        connections.openNow();
        return new ReactiveStringRedisTemplate(connections);
    }

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
            Clock clock) {
        LimitsProperties config = properties.limits();
        Duration window = window(config);
        LocalCapacityStore local = new LocalCapacityStore(clock, replicas, window);
        if (config.store() == LimitsProperties.Store.LOCAL) {
            // each replica alone against the whole limit: the comparison the limits benchmark needs
            return new ProviderCapacity(
                    limits, new LocalCapacityStore(clock, () -> 1, window), local, config.budget(), metrics);
        }
        return new ProviderCapacity(limits, shared, local, config.budget(), metrics);
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
