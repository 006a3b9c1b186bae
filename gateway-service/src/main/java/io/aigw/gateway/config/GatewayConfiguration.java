package io.aigw.gateway.config;

import io.aigw.gateway.adapter.in.web.EdgeGlobalFilter;
import io.aigw.gateway.adapter.in.web.EdgeRoutingFilter;
import io.aigw.gateway.adapter.in.web.OpenAiErrorWebExceptionHandler;
import io.aigw.gateway.adapter.in.web.RoutingReplicasGlobalFilter;
import io.aigw.gateway.adapter.out.billing.BillingGatewayKeys;
import io.aigw.gateway.adapter.out.config.StaticGatewayKeys;
import io.aigw.gateway.adapter.out.redis.RedisKeyNotices;
import io.aigw.gateway.application.FirstKnownGatewayKeys;
import io.aigw.gateway.application.GatewayKeys;
import io.aigw.gateway.application.RememberedKeys;
import io.aigw.gateway.domain.RoutingReplicas;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes and edge filters. Routes are built in code from {@link GatewayProperties} rather than from
 * {@code spring.cloud.gateway.*} properties, whose keys moved in Spring Cloud 2025 and are silently
 * ignored when misspelled.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    /** The route of the OpenAI-compatible API, spread over the routing replicas. */
    static final String OPENAI_ROUTE = "openai-api";

    @Bean
    RouteLocator routes(RouteLocatorBuilder builder, GatewayProperties properties) {
        return builder.routes()
                .route(OPENAI_ROUTE, r -> r.path("/v1/**")
                        .uri(properties.routingReplicas().get(0)))
                // billing checks the admin credential itself; the edge only adds a request id
                .route("admin-api", r -> r.path("/admin/**").uri(properties.billingUrl()))
                .build();
    }

    @Bean
    RememberedKeys rememberedKeys(GatewayProperties properties) {
        return new RememberedKeys(properties.keyMemoryTtl(), properties.keyMemoryEntries(), Clock.systemUTC());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    RedisKeyNotices redisKeyNotices(ReactiveStringRedisTemplate redis, RememberedKeys remembered) {
        return new RedisKeyNotices(redis, remembered);
    }

    @Bean
    GatewayKeys gatewayKeys(
            GatewayProperties properties,
            InternalProperties internal,
            WebClient.Builder web,
            ReactiveStringRedisTemplate redis,
            JsonMapper json,
            RememberedKeys remembered) {
        GatewayKeys demo = new StaticGatewayKeys(properties.demoKey(), properties.demoTenant());
        if (!properties.keysFromBilling()) {
            if (properties.demoKey().isBlank()) {
                log.warn("no demo key and keys-from-billing off: every request will be refused with 401");
            }
            return demo;
        }
        GatewayKeys billed = new BillingGatewayKeys(
                web.clone().baseUrl(properties.billingUrl().toString()).build(),
                redis,
                json,
                internal.token(),
                properties.keyLookupTimeout(),
                remembered);
        return new FirstKnownGatewayKeys(List.of(demo, billed));
    }

    @Bean
    EdgeGlobalFilter edgeGlobalFilter(GatewayKeys keys, GatewayProperties properties, InternalProperties internal) {
        return new EdgeGlobalFilter(keys, internal.token(), properties.maxRequestSize());
    }

    @Bean
    RoutingReplicasGlobalFilter routingReplicasGlobalFilter(
            GatewayProperties properties, JsonMapper json, MeterRegistry meters) {
        RoutingReplicas replicas =
                new RoutingReplicas(properties.routingReplicas(), properties.routingEjectFor(), Clock.systemUTC());
        if (replicas.size() > 1) {
            log.info("Spreading /v1/** over {} routing replicas: {}", replicas.size(), replicas.all());
        }
        return new RoutingReplicasGlobalFilter(OPENAI_ROUTE, replicas, json, meters);
    }

    /** Replaces Spring Cloud Gateway's own, which application.yml turns off. */
    @Bean
    EdgeRoutingFilter edgeRoutingFilter(
            HttpClient gatewayHttpClient,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties) {
        return new EdgeRoutingFilter(gatewayHttpClient, headersFilters, properties);
    }

    /**
     * Spring Cloud Gateway's writer of the routed answer, made as it makes it: turning its routing
     * filter off turns this off too.
     */
    @Bean
    NettyWriteResponseFilter nettyWriteResponseFilter(
            org.springframework.cloud.gateway.config.GatewayProperties gateway,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        return new NettyWriteResponseFilter(gateway.getStreamingMediaTypes(), headersFilters);
    }

    @Bean
    OpenAiErrorWebExceptionHandler openAiErrorWebExceptionHandler(JsonMapper json) {
        return new OpenAiErrorWebExceptionHandler(json);
    }
}
