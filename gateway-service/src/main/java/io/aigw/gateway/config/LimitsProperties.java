package io.aigw.gateway.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How tenant limits are counted ({@code aigw.gateway.limits.*}).
 *
 * @param budget how long a request may wait for Redis before this replica's own count decides; it
 *     bounds what a slow or dead Redis adds to a request
 * @param replicaHeartbeat how often this replica tells the others it is alive; while Redis is away,
 *     each replica allows its plan ÷ the replicas last seen
 * @param warmUp how long start-up waits to connect to Redis and load the scripts (not fatal)
 * @param defaultOutputTokens the output charged up front for a chat request that sets no
 *     {@code max_tokens} / {@code max_completion_tokens}
 * @param maxEstimateTokens the most one request is charged before its real usage is known
 * @param settleLinger the longest a request's settlement to its real tokens waits on this replica
 *     for the next reservation of the same tenant to carry it, before it is sent alone
 */
@Validated
@ConfigurationProperties("aigw.gateway.limits")
public record LimitsProperties(
        @NotNull @DefaultValue("100ms") Duration budget,
        @NotNull @DefaultValue("5s") Duration replicaHeartbeat,
        @NotNull @DefaultValue("2s") Duration warmUp,
        @Min(0) @DefaultValue("512") long defaultOutputTokens,
        @Min(1) @DefaultValue("32768") long maxEstimateTokens,
        @NotNull @DefaultValue("100ms") Duration settleLinger) {}
