package io.aigw.scaler.domain;

/**
 * What a workload is scaled on. Per-pod signals are averaged over the pods that report them and
 * compared with a per-replica target (the HPA's {@code Pods}/{@code Resource} metrics with an
 * average target); a workload signal is one value for the whole workload compared with its target
 * (the HPA's {@code Object} metric with a value target).
 */
public enum Signal {
    /** Requests per second per replica. */
    REQUEST_RATE(true),
    /** Fraction of a CPU core share used by the process ({@code process_cpu_usage}). */
    CPU(true),
    /** Requests being served right now per replica. */
    IN_FLIGHT(true),
    /** 95th percentile of request latency in seconds, against an SLO. */
    LATENCY_P95(false);

    private final boolean perPod;

    Signal(boolean perPod) {
        this.perPod = perPod;
    }

    public boolean perPod() {
        return perPod;
    }

    /** Lower-case name for logs, metrics and configuration. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
