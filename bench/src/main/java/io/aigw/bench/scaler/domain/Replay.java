package io.aigw.bench.scaler.domain;

import io.aigw.scaler.domain.Autoscaler;
import io.aigw.scaler.domain.ForecastSettings;
import io.aigw.scaler.domain.MetricTarget;
import io.aigw.scaler.domain.Observation;
import io.aigw.scaler.domain.Pod;
import io.aigw.scaler.domain.Reading;
import io.aigw.scaler.domain.ReplicaDecision;
import io.aigw.scaler.domain.ScalingBehavior;
import io.aigw.scaler.domain.Signal;
import io.aigw.scaler.domain.WorkloadSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs one strategy over per-second arrivals, one simulated second at a time, with the scaler's real
 * decision function ({@link Autoscaler}) on a simulated Deployment. Every interval the loop sees the
 * request rate of the last metric window spread evenly over the ready pods (a load balancer sends
 * nothing to starting pods); arrivals beyond the ready capacity of an SLO window count as over
 * capacity (no queueing is modelled: they would wait or time out).
 */
public final class Replay {

    private static final String WORKLOAD = "routing";

    private final ReplayConfig config;
    private final int[] arrivals;

    public Replay(ReplayConfig config, int[] arrivals) {
        this.config = config;
        this.arrivals = arrivals.clone();
    }

    /** The fixed count that serves the busiest SLO window at full capacity. */
    public int peakReplicas() {
        double peak = 0;
        int window = config.sloWindowSeconds();
        for (int start = 0; start + window <= arrivals.length; start += window) {
            peak = Math.max(peak, sum(start, start + window) / (double) window);
        }
        return Math.max(1, (int) Math.ceil(peak / config.capacityPerReplica()));
    }

    public RunResult run(Strategy strategy, int startupSeconds) {
        if (strategy == Strategy.HPA_EQUAL_COST) {
            throw new IllegalArgumentException("use runHpaAtCost");
        }
        SimulationClock clock = new SimulationClock();
        Autoscaler autoscaler = strategy == Strategy.STATIC_PEAK ? null : autoscaler(clock, strategy, startupSeconds);
        int initial = strategy == Strategy.STATIC_PEAK
                ? peakReplicas()
                : Math.max(1, (int) Math.ceil(rate(config.metricWindowSeconds()) / config.targetPerReplica()));
        SimulatedCluster cluster = new SimulatedCluster(initial, startupSeconds);
        long podSeconds = 0;
        int actions = 0;
        int peak = initial;
        long windowArrivals = 0;
        long windowCapacitySeconds = 0;
        int overWindows = 0;
        long overRequests = 0;
        for (int t = 0; t < arrivals.length; t++) {
            if (autoscaler != null && t >= config.metricWindowSeconds() && t % config.intervalSeconds() == 0) {
                clock.set(t);
                ReplicaDecision decision = autoscaler.decide(observe(cluster, t));
                if (decision.changes()) {
                    int from = cluster.replicas();
                    cluster.scale(decision.desiredReplicas(), t);
                    autoscaler.scaled(WORKLOAD, from, decision.desiredReplicas());
                    actions++;
                    peak = Math.max(peak, cluster.replicas());
                }
            }
            podSeconds += cluster.replicas();
            windowArrivals += arrivals[t];
            windowCapacitySeconds += cluster.ready(t);
            if ((t + 1) % config.sloWindowSeconds() == 0 || t == arrivals.length - 1) {
                double capacity = windowCapacitySeconds * config.capacityPerReplica();
                if (windowArrivals > capacity) {
                    overWindows++;
                    overRequests += (long) Math.ceil(windowArrivals - capacity);
                }
                windowArrivals = 0;
                windowCapacitySeconds = 0;
            }
        }
        return new RunResult(
                strategy,
                startupSeconds,
                podSeconds / 60.0,
                overWindows * config.sloWindowSeconds() / 60.0,
                overRequests,
                actions,
                peak,
                sum(0, arrivals.length),
                config.targetUtilization());
    }

    /**
     * Plain HPA with the request-rate target lowered until it costs {@code replicaMinutes} (bisection
     * over the utilization, which cost falls with): is the forecast better than plain headroom?
     */
    public RunResult runHpaAtCost(double replicaMinutes, int startupSeconds) {
        double low = 0.2;
        double high = config.targetUtilization();
        RunResult best = run(Strategy.HPA, startupSeconds);
        for (int i = 0; i < 14; i++) {
            double mid = (low + high) / 2;
            RunResult r = new Replay(config.withTargetUtilization(mid), arrivals).run(Strategy.HPA, startupSeconds);
            if (Math.abs(r.replicaMinutes() - replicaMinutes) < Math.abs(best.replicaMinutes() - replicaMinutes)) {
                best = r;
            }
            if (r.replicaMinutes() > replicaMinutes) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return new RunResult(
                Strategy.HPA_EQUAL_COST,
                best.startupSeconds(),
                best.replicaMinutes(),
                best.overCapacityMinutes(),
                best.overCapacityRequests(),
                best.scaleActions(),
                best.peakReplicas(),
                best.requests(),
                best.targetUtilization());
    }

    private Autoscaler autoscaler(Clock clock, Strategy strategy, int startupSeconds) {
        Duration interval = Duration.ofSeconds(config.intervalSeconds());
        Optional<ForecastSettings> forecast = strategy == Strategy.SCALER
                ? Optional.of(new ForecastSettings(
                        config.alpha(),
                        config.beta(),
                        Duration.ofSeconds(startupSeconds).plus(interval),
                        interval))
                : Optional.empty();
        return new Autoscaler(
                clock,
                List.of(new WorkloadSpec(
                        WORKLOAD,
                        ScalingBehavior.defaults(1, config.maxReplicas()),
                        List.of(new MetricTarget(Signal.REQUEST_RATE, config.targetPerReplica())),
                        forecast)));
    }

    private Observation observe(SimulatedCluster cluster, int t) {
        double rate = rate(t);
        List<Pod> pods = cluster.pods(t);
        long ready = pods.stream().filter(Pod::ready).count();
        Map<String, Double> perPod = new HashMap<>();
        for (Pod pod : pods) {
            if (pod.ready()) {
                perPod.put(pod.name(), rate / ready);
            }
        }
        return new Observation(
                WORKLOAD,
                cluster.replicas(),
                pods,
                Map.of(Signal.REQUEST_RATE, new Reading.PerPod(perPod)),
                OptionalDouble.of(rate));
    }

    /** Requests per second over the metric window that ends before second {@code t}. */
    private double rate(int t) {
        int from = Math.max(0, t - config.metricWindowSeconds());
        return t == from ? 0 : sum(from, t) / (double) (t - from);
    }

    private long sum(int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += arrivals[i];
        }
        return sum;
    }

    /** Simulated seconds as instants. */
    static final class SimulationClock extends Clock {
        private static final Instant START = Instant.parse("2023-11-16T18:00:00Z");
        private Instant now = START;

        void set(int second) {
            now = START.plusSeconds(second);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
