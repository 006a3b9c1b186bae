package io.aigw.gateway.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one client connection may hold at the edge ({@code aigw.gateway.server.*}, ADR 0040), so that
 * slow clients and idle connections cannot exhaust the gateway. None of these bounds the response: a
 * stream may run as long as routing lets it.
 *
 * @param maxConnections open client connections beyond which a new one is closed at once
 * @param idleTimeout how long a connection may wait for its (next) request before it is closed
 * @param readTimeout the longest pause between two reads while a request arrives
 * @param requestTimeout how long a whole request (headers and body) may take to arrive
 */
@Validated
@ConfigurationProperties("aigw.gateway.server")
public record EdgeServerProperties(
        @Min(1) @DefaultValue("10000") int maxConnections,
        @NotNull @DefaultValue("60s") Duration idleTimeout,
        @NotNull @DefaultValue("20s") Duration readTimeout,
        @NotNull @DefaultValue("60s") Duration requestTimeout) {}
