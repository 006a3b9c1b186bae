package io.aigw.bench.limits.domain;

/**
 * The round trip of one reservation plus its settlement against Redis.
 *
 * @param callers concurrent callers (1: sequential)
 * @param iterations measured reservation + settlement pairs, over all callers
 * @param latency per pair
 * @param pairsPerSecond throughput over all callers
 */
public record ReservationLatency(int callers, int iterations, Percentiles latency, double pairsPerSecond) {}
