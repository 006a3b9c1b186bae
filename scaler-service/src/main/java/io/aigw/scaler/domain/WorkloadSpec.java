package io.aigw.scaler.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one workload is scaled.
 *
 * @param name the workload (gateway, routing, cache, billing)
 * @param behavior bounds, tolerance and rate rules
 * @param targets the signals and their targets; at least one
 * @param forecast the predictive floor, when on; needs a {@link Signal#REQUEST_RATE} target
 */
public record WorkloadSpec(
        String name, ScalingBehavior behavior, List<MetricTarget> targets, Optional<ForecastSettings> forecast) {

    public WorkloadSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(behavior, "behavior");
        targets = List.copyOf(targets);
        Objects.requireNonNull(forecast, "forecast");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(name + ": at least one metric target is needed");
        }
        if (targets.stream().map(MetricTarget::signal).distinct().count() != targets.size()) {
            throw new IllegalArgumentException(name + ": one target per signal");
        }
        if (forecast.isPresent() && targets.stream().noneMatch(t -> t.signal() == Signal.REQUEST_RATE)) {
            throw new IllegalArgumentException(name + ": the forecast needs a request-rate target");
        }
    }

    public Optional<MetricTarget> requestRateTarget() {
        return targets.stream().filter(t -> t.signal() == Signal.REQUEST_RATE).findFirst();
    }

    public WorkloadSpec withoutForecast() {
        return new WorkloadSpec(name, behavior, targets, Optional.empty());
    }
}
