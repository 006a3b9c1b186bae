package io.aigw.routing.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An exponentially weighted moving average of each deployment's latency (time to first token for
 * streams, whole answer otherwise), used to break ties between equally priced deployments.
 */
public final class LatencyStats {

    private static final double WEIGHT = 0.2;

    private final ConcurrentMap<DeploymentId, Double> averageMillis = new ConcurrentHashMap<>();

    public void record(DeploymentId id, Duration latency) {
        double sample = latency.toNanos() / 1e6;
        averageMillis.merge(id, sample, (old, ignored) -> old + WEIGHT * (sample - old));
    }

    public Optional<Duration> average(DeploymentId id) {
        return Optional.ofNullable(averageMillis.get(id)).map(ms -> Duration.ofNanos((long) (ms * 1e6)));
    }
}
