package io.aigw.bench.overhead.domain;

import java.util.Map;

/**
 * One closed-loop load run of one target at one connection count: what wrk measured, and what the
 * target's processes used.
 *
 * @param target what the requests went through
 * @param connections concurrent keep-alive connections
 * @param round which interleaved round (0-based)
 * @param requests completed requests
 * @param errors socket errors, timeouts and non-2xx answers together
 * @param seconds the measured duration
 * @param p50Micros median latency
 * @param p90Micros 90th percentile
 * @param p99Micros 99th percentile
 * @param cpu CPU of the target's processes in the run
 * @param rssKib resident set size of each process at the end of the run, KiB
 */
public record LoadRun(
        Target target,
        int connections,
        int round,
        long requests,
        long errors,
        double seconds,
        long p50Micros,
        long p90Micros,
        long p99Micros,
        CpuSample cpu,
        Map<String, Long> rssKib) {

    public LoadRun {
        rssKib = Map.copyOf(rssKib);
    }

    public double requestsPerSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }
}
