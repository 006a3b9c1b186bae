package io.aigw.bench.overhead.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time (user + system, from {@code /proc/<pid>/stat}) that each process of a target used during
 * one measured run, and the requests the run completed.
 *
 * @param cpuMicrosByProcess per process name, microseconds of CPU in the run
 * @param requests the requests the load generator completed in the run
 */
public record CpuSample(Map<String, Long> cpuMicrosByProcess, long requests) {

    public CpuSample {
        cpuMicrosByProcess = Map.copyOf(new LinkedHashMap<>(cpuMicrosByProcess));
    }

    /** Microseconds of CPU per request, all processes of the target together; NaN without requests. */
    public double microsPerRequest() {
        return perRequest(
                cpuMicrosByProcess.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Microseconds of CPU per request of one process; NaN without requests or when it is unknown. */
    public double microsPerRequest(String process) {
        Long micros = cpuMicrosByProcess.get(process);
        return micros == null ? Double.NaN : perRequest(micros);
    }

    private double perRequest(long micros) {
        return requests <= 0 ? Double.NaN : (double) micros / requests;
    }
}
