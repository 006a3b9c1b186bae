package io.aigw.bench.limits.domain;

/** What became of one scheduled request. */
public enum Outcome {
    /** 200 with an answer. */
    ANSWERED,
    /** 503 {@code no_capacity}: routing found no deployment with headroom. */
    REFUSED,
    /** Any other status, a timeout or a connection error. */
    FAILED,
    /** Not sent: the client's in-flight bound was reached at its arrival time (open loop, never queued). */
    SHED
}
