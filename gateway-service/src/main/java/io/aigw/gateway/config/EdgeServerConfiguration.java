package io.aigw.gateway.config;

import io.aigw.gateway.adapter.in.netty.ConnectionLimit;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The edge's Netty server: connection count, idle and request-arrival timeouts (ADR 0040). */
@Configuration(proxyBeanMethods = false)
public class EdgeServerConfiguration {

    @Bean
    ConnectionLimit connectionLimit(EdgeServerProperties properties, MeterRegistry meters) {
        return new ConnectionLimit(properties.maxConnections(), meters);
    }

    @Bean
    NettyServerCustomizer edgeServerLimits(EdgeServerProperties properties, ConnectionLimit limit) {
        return server -> server.idleTimeout(properties.idleTimeout())
                .readTimeout(properties.readTimeout())
                .requestTimeout(properties.requestTimeout())
                .doOnChannelInit((observer, channel, remote) -> limit.admit(channel));
    }
}
