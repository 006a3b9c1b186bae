package io.aigw.scaler.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The decision side of the control loop for every managed workload: keeps each workload's HPA
 * history and request-rate forecast and asks {@link HorizontalAutoscaler} for the next decision.
 * Time comes only from the injected clock. The caller reports back with {@link #scaled} when a
 * change was really applied (the rate policies count applied changes, as the HPA does).
 */
public final class Autoscaler {

    private final Clock clock;
    private final Map<String, WorkloadSpec> specs;
    private final Map<String, ScalingHistory> histories = new ConcurrentHashMap<>();
    private final Map<String, HoltForecast> forecasts = new ConcurrentHashMap<>();

    public Autoscaler(Clock clock, List<WorkloadSpec> specs) {
        this.clock = clock;
        Map<String, WorkloadSpec> byName = new LinkedHashMap<>();
        for (WorkloadSpec spec : specs) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("workload configured twice: " + spec.name());
            }
        }
        this.specs = Map.copyOf(byName);
    }

    public Set<String> workloads() {
        return specs.keySet();
    }

    public WorkloadSpec spec(String workload) {
        WorkloadSpec spec = specs.get(workload);
        if (spec == null) {
            throw new IllegalArgumentException("not a managed workload: " + workload);
        }
        return spec;
    }

    public ReplicaDecision decide(Observation observation) {
        WorkloadSpec spec = spec(observation.workload());
        Instant now = clock.instant();
        int floor = floor(spec, observation);
        HorizontalAutoscaler.Result result = HorizontalAutoscaler.decide(
                spec, observation, histories.getOrDefault(spec.name(), ScalingHistory.empty()), now, floor);
        histories.put(spec.name(), result.history());
        return result.decision();
    }

    /** Records that the workload really went from {@code from} to {@code to} replicas now. */
    public void scaled(String workload, int from, int to) {
        WorkloadSpec spec = spec(workload);
        Duration keep = longer(
                spec.behavior().scaleUp().longestPeriod(),
                spec.behavior().scaleDown().longestPeriod());
        histories.compute(workload, (name, history) -> (history == null ? ScalingHistory.empty() : history)
                .withScale(clock.instant(), from, to, keep));
    }

    /** The forecast of the total request rate one horizon ahead, NaN when there is none yet. */
    public double forecastRate(String workload) {
        WorkloadSpec spec = spec(workload);
        HoltForecast forecast = forecasts.get(workload);
        return forecast == null || spec.forecast().isEmpty()
                ? Double.NaN
                : forecast.forecast(spec.forecast().get().steps());
    }

    private int floor(WorkloadSpec spec, Observation observation) {
        if (spec.forecast().isEmpty() || observation.totalRequestRate().isEmpty()) {
            return 0;
        }
        ForecastSettings settings = spec.forecast().get();
        HoltForecast next = forecasts
                .getOrDefault(spec.name(), HoltForecast.start(settings.alpha(), settings.beta()))
                .update(observation.totalRequestRate().getAsDouble());
        forecasts.put(spec.name(), next);
        double ahead = next.forecast(settings.steps());
        if (!Double.isFinite(ahead)) {
            return 0;
        }
        double needed = ahead / spec.requestRateTarget().orElseThrow().target();
        // the same tolerance as the signals: the floor does not add actions for a few percent
        if (needed <= observation.currentReplicas() * (1 + spec.behavior().tolerance())) {
            return 0;
        }
        return Math.min((int) Math.ceil(needed), spec.behavior().maxReplicas());
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
