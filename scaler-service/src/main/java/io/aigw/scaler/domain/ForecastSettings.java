package io.aigw.scaler.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The predictive floor: forecast the total request rate {@code horizon} ahead with Holt's method and
 * ask for at least the replicas that rate needs at the per-replica request-rate target. It only
 * ever raises a recommendation.
 *
 * @param alpha level smoothing, in (0, 1]
 * @param beta trend smoothing, in (0, 1]
 * @param horizon how far ahead; about the pod start-up time plus one interval
 * @param interval the loop interval (one forecast step)
 */
public record ForecastSettings(double alpha, double beta, Duration horizon, Duration interval) {

    public ForecastSettings {
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(interval, "interval");
        HoltForecast.start(alpha, beta); // validates alpha and beta
        if (horizon.isNegative()) {
            throw new IllegalArgumentException("forecast horizon must not be negative, got " + horizon);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
    }

    double steps() {
        return (double) horizon.toMillis() / interval.toMillis();
    }
}
