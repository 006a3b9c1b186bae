package io.aigw.scaler.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code aigw.scaler.*}: the control loop. The binding shape only; {@link ScalerConfiguration} turns
 * it into the checked domain objects.
 *
 * @param interval how often the loop runs
 * @param maxBackoff the longest a failing workload waits before the next attempt
 * @param dryRun compute and record, change nothing; unset = dry-run outside Kubernetes, act inside
 * @param source where signals come from: {@code scrape} (each instance's /actuator/prometheus) or
 *     {@code prometheus} (the Prometheus HTTP API)
 * @param scrapeTimeout the bound of one scrape
 * @param prometheus the Prometheus API
 * @param kubernetes namespace and leader election
 * @param behavior HPA rules shared by all workloads
 * @param forecast the predictive floor
 * @param workloads per workload (gateway, routing, cache, billing)
 * @param policy the tier-policy rules
 */
@Validated
@ConfigurationProperties("aigw.scaler")
public record ScalerProperties(
        @DefaultValue("15s") @NotNull Duration interval,
        @DefaultValue("5m") @NotNull Duration maxBackoff,
        Boolean dryRun,
        @DefaultValue("scrape") @NotNull String source,
        @DefaultValue("2s") @NotNull Duration scrapeTimeout,
        @DefaultValue @Valid Prometheus prometheus,
        @DefaultValue @Valid Kubernetes kubernetes,
        @DefaultValue @Valid Behavior behavior,
        @DefaultValue @Valid Forecast forecast,
        Map<String, @Valid Workload> workloads,
        @DefaultValue @Valid Policy policy) {

    /**
     * @param url base URL of the Prometheus HTTP API
     * @param timeout the bound of one query
     * @param window the rate window in PromQL
     * @param podLabel the label that names the pod
     */
    public record Prometheus(
            @DefaultValue("http://127.0.0.1:9090") URI url,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("1m") String window,
            @DefaultValue("pod") String podLabel) {}

    /**
     * @param namespace the workloads' namespace; empty = the client's (the pod's own)
     * @param leaseName the coordination.k8s.io Lease for leader election
     * @param leaseDuration how long a lease holds without renewal
     * @param renewDeadline the leader gives up acting if it cannot renew within this
     * @param retryPeriod how often candidates try
     */
    public record Kubernetes(
            @DefaultValue("") String namespace,
            @DefaultValue("aigw-scaler") String leaseName,
            @DefaultValue("15s") Duration leaseDuration,
            @DefaultValue("10s") Duration renewDeadline,
            @DefaultValue("2s") Duration retryPeriod) {}

    /**
     * HPA behaviour (defaults as the HPA's).
     *
     * @param tolerance no change within 1 ± tolerance
     * @param scaleUpWindow scale-up stabilization window
     * @param scaleUpPercent at most this many percent more per {@code scaleUpPeriod}…
     * @param scaleUpPods …or this many pods, whichever is more
     * @param scaleUpPeriod the scale-up policies' period
     * @param scaleDownWindow scale-down stabilization window
     * @param scaleDownPercent at most this many percent fewer per {@code scaleDownPeriod}
     * @param scaleDownPeriod the scale-down policy's period
     */
    public record Behavior(
            @DefaultValue("0.1") double tolerance,
            @DefaultValue("0s") Duration scaleUpWindow,
            @DefaultValue("100") int scaleUpPercent,
            @DefaultValue("4") int scaleUpPods,
            @DefaultValue("15s") Duration scaleUpPeriod,
            @DefaultValue("300s") Duration scaleDownWindow,
            @DefaultValue("100") int scaleDownPercent,
            @DefaultValue("15s") Duration scaleDownPeriod) {}

    /**
     * @param enabled whether the predictive floor runs
     * @param alpha Holt level smoothing
     * @param beta Holt trend smoothing
     * @param horizon how far ahead (about the pod start-up time plus one interval)
     */
    public record Forecast(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0.5") double alpha,
            @DefaultValue("0.2") double beta,
            @DefaultValue("75s") Duration horizon) {}

    /**
     * @param deployment the Deployment's name in Kubernetes
     * @param application the {@code application} tag of its metrics (for PromQL)
     * @param instances base URLs of its instances (scrape source, outside Kubernetes)
     * @param minReplicas at least 1
     * @param maxReplicas at least {@code minReplicas}
     * @param requestsPerSecond request-rate target per replica; unset = not a signal
     * @param cpu process CPU usage target per replica; unset = not a signal
     * @param inFlight in-flight requests target per replica; unset = not a signal
     * @param latencySlo p95 latency target; unset = not a signal
     * @param latencyHistogram the histogram the p95 comes from
     */
    public record Workload(
            String deployment,
            String application,
            @DefaultValue List<String> instances,
            @DefaultValue("1") int minReplicas,
            @DefaultValue("10") int maxReplicas,
            Double requestsPerSecond,
            Double cpu,
            Double inFlight,
            Duration latencySlo,
            String latencyHistogram) {}

    /**
     * @param enabled whether the loop publishes a routing policy
     * @param monthlyBudgetUsd the month's spend budget; 0 = no brown-out
     * @param brownoutMaxTier the highest tier during a brown-out
     * @param brownoutPlans the plans the cap applies to; empty = everyone
     * @param maxErrorRate a provider above this failed share is degraded
     * @param maxTimeToFirstToken a provider above this mean time to first token is degraded
     * @param badIntervals intervals in a row before a rule fires
     * @param goodIntervals intervals in a row before it is lifted
     */
    public record Policy(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0") double monthlyBudgetUsd,
            @DefaultValue("2") int brownoutMaxTier,
            @DefaultValue Set<String> brownoutPlans,
            @DefaultValue("0.25") double maxErrorRate,
            @DefaultValue("10s") Duration maxTimeToFirstToken,
            @DefaultValue("3") int badIntervals,
            @DefaultValue("5") int goodIntervals) {}
}
