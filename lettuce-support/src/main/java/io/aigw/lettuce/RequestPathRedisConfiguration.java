package io.aigw.lettuce;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

/**
 * Lettuce as a service uses it on the request path, where a Redis call has a budget of milliseconds
 * and a local fallback: imported by the gateway's and routing's limits configuration (ADR 0042).
 */
@Configuration(proxyBeanMethods = false)
public class RequestPathRedisConfiguration {

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
     * no hand-over between threads per command (ADR 0041 amendments). On unless {@code
     * aigw.redis.share-http-event-loops=false}: with the budgets' timers on the same loops ({@link
     * LoopTimers}) it measured 7 % less CPU per request and no more budget misses than Lettuce's own
     * loops; only where the two libraries use the same transport.
     */
    @Bean
    @ConditionalOnProperty(name = "aigw.redis.share-http-event-loops", havingValue = "true", matchIfMissing = true)
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
     * The request path's timers (its Redis budgets, provider timeouts) on the HTTP event loops instead
     * of Reactor's parallel scheduler ({@link LoopTimers}).
     */
    @Bean
    LoopTimers requestPathTimers(ReactorResourceFactory http) {
        return new LoopTimers(http.getLoopResources().onClient(true));
    }

    /**
     * The template every Redis adapter of the service uses, over a connection that is never opened on
     * an event loop ({@link OffLoopRedisConnections}): opened now, at start-up, and while Redis is away,
     * off the loops. It replaces Spring Boot's {@code reactiveStringRedisTemplate}, which backs off by
     * name.
     */
    @Bean
    ReactiveStringRedisTemplate reactiveStringRedisTemplate(LettuceConnectionFactory lettuce) {
        OffLoopRedisConnections connections =
                new OffLoopRedisConnections(lettuce, Schedulers.boundedElastic(), 1000, System::nanoTime);
        connections.openNow();
        return new ReactiveStringRedisTemplate(connections);
    }
}
