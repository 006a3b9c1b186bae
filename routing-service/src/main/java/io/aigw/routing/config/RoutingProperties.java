package io.aigw.routing.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How routing plans and protects calls ({@code aigw.routing.*}).
 *
 * @param defaultOutputTokens the output assumed for cost estimates when a request sets no max tokens
 */
@Validated
@ConfigurationProperties("aigw.routing")
public record RoutingProperties(
        @Min(1) @DefaultValue("512") int defaultOutputTokens,
        @Valid @NotNull @DefaultValue CircuitBreakerProperties circuitBreaker,
        @Valid @NotNull @DefaultValue CascadeProperties cascade,
        @Valid @NotNull @DefaultValue LimitsProperties limits,
        @Valid @NotNull @DefaultValue UsageProperties usage,
        @Valid @NotNull @DefaultValue CacheProperties cache,
        @Valid @NotNull @DefaultValue PolicyProperties policy,
        @Valid @NotNull @DefaultValue BudgetProperties budget) {

    /**
     * Tenant budgets in billing-service ({@code aigw.routing.budget.*}, ADR 0022).
     *
     * @param enabled off: no hold is placed and no budget refuses a request
     * @param url billing-service's base URL
     * @param timeout the longest a hold may take before the request goes on without one (fail open)
     * @param redisHolds place holds with billing's script in the shared Redis, asking billing over HTTP
     *     only when its published budget is missing (false: every hold over HTTP)
     * @param holdTtl an unsettled hold placed here is released after this; billing's {@code
     *     aigw.billing.budgets.hold-ttl} alike
     */
    public record BudgetProperties(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("http://127.0.0.1:8083") java.net.URI url,
            @NotNull @DefaultValue("150ms") Duration timeout,
            @DefaultValue("true") boolean redisHolds,
            @NotNull @DefaultValue("10m") Duration holdTtl) {}

    /**
     * The scaler's routing policy ({@code aigw.routing.policy.*}).
     *
     * @param pollEvery how often the policy is re-read besides the change notices (a missed notice
     *     costs at most this long)
     * @param key the Redis key holding it ({@code aigw:policy}); only tests change it
     * @param channel the change notices' pub/sub channel ({@code aigw:policy:changed})
     */
    public record PolicyProperties(
            @NotNull @DefaultValue("5s") Duration pollEvery,
            @NotNull @DefaultValue("aigw:policy") String key,
            @NotNull @DefaultValue("aigw:policy:changed") String channel) {}

    /**
     * The cache-service on the request path ({@code aigw.routing.cache.*}).
     *
     * @param enabled off: every request is a miss and nothing is stored
     * @param url the cache-service's base URL
     * @param lookupBudget the longest a lookup may take before it counts as a miss: the cache may make
     *     a request cheaper, never noticeably slower
     * @param storeTimeout the bound of a store call, made after the answer went out
     * @param exactFromRedis read exact hits straight from the Redis cache-service writes to (one GET,
     *     no HTTP hop); only when both share a Redis
     */
    public record CacheProperties(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("http://127.0.0.1:8082") java.net.URI url,
            @NotNull @DefaultValue("200ms") Duration lookupBudget,
            @NotNull @DefaultValue("5s") Duration storeTimeout,
            @DefaultValue("true") boolean exactFromRedis) {}

    /**
     * Usage events for billing ({@code aigw.routing.usage.*}).
     *
     * @param backlog events kept in memory while Redis does not take them; beyond it they are dropped
     *     (logged and counted)
     * @param retryEvery how often waiting events are offered to Redis again
     */
    public record UsageProperties(
            @Min(1) @DefaultValue("100000") int backlog, @NotNull @DefaultValue("1s") Duration retryEvery) {}

    /**
     * How provider RPM/TPM limits are counted ({@code aigw.routing.limits.*}).
     *
     * @param store {@code redis} (shared by every replica; the default) or {@code local} (each
     *     replica counts alone against the whole limit — only for comparisons: N replicas then allow N
     *     times the limit)
     * @param budget how long a reservation may wait for Redis before this replica's fallback count
     *     decides; it bounds what a slow or dead Redis adds to a request
     * @param replicaHeartbeat how often this replica tells the others it is alive; the fallback share
     *     is the limit divided by the replicas seen
     * @param windowMargin added to the provider's one-minute window: a reservation is timed before the
     *     call and the provider counts the call a little later, so an exact minute would free a slot a
     *     moment before the provider does
     * @param settleLinger the longest a reservation's settlement (or release) waits on this replica
     *     for its next reservation of the same provider scopes to carry it, before it is sent alone
     */
    public record LimitsProperties(
            @NotNull @DefaultValue("redis") Store store,
            @NotNull @DefaultValue("100ms") Duration budget,
            @NotNull @DefaultValue("5s") Duration replicaHeartbeat,
            @NotNull @DefaultValue("1s") Duration windowMargin,
            @NotNull @DefaultValue("100ms") Duration settleLinger) {

        /** Where limits are counted. */
        public enum Store {
            REDIS,
            LOCAL
        }
    }

    /**
     * Per-deployment breakers, tuned for LLM traffic: the library defaults (a 100-call window, 60 s
     * slow-call threshold) react far too late for a few calls a second to an expensive provider.
     *
     * @param window the time-based sliding window the failure rate is computed over
     * @param minimumCalls calls in the window before the rate counts
     * @param failureRateThreshold percent of failed calls that opens the breaker
     * @param slowCallDuration calls slower than this count as slow; streams are judged by time to first
     *     token
     * @param slowCallRateThreshold percent of slow calls that opens the breaker
     * @param waitInOpen how long an open breaker keeps the deployment out before probing
     * @param halfOpenCalls probe calls allowed when half-open
     */
    public record CircuitBreakerProperties(
            @DefaultValue("60s") Duration window,
            @Min(1) @DefaultValue("5") int minimumCalls,
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20s") Duration slowCallDuration,
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("80") float slowCallRateThreshold,
            @DefaultValue("30s") Duration waitInOpen,
            @Min(1) @Max(100) @DefaultValue("2") int halfOpenCalls) {}

    /**
     * Cascade groups.
     *
     * @param minMeanLogprob the confidence gate: escalate an answer whose mean token log-probability is
     *     below this (only providers that return logprobs); unset turns the gate off
     * @param verifierModel a catalog model asked "does this answer the question?" after the gates pass;
     *     unset turns the verifier off
     */
    public record CascadeProperties(Double minMeanLogprob, String verifierModel) {}
}
