package io.aigw.bench.overhead.application;

import io.aigw.bench.overhead.domain.Target;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one target is reached and which processes are its own (whose CPU and RSS count for it).
 *
 * @param target the target
 * @param baseUrl e.g. {@code http://127.0.0.1:8080}
 * @param model the {@code model} field to send
 * @param headers headers besides {@code Content-Type}
 * @param unique a new prompt on every request (a cache miss), else always the same one
 * @param processes process name to its PIDs: one for a service, several for a database's backends
 *     (their CPU and RSS are summed under the one name)
 */
public record Endpoint(
        Target target,
        String baseUrl,
        String model,
        Map<String, String> headers,
        boolean unique,
        Map<String, List<Long>> processes) {

    public Endpoint {
        headers = Map.copyOf(headers);
        Map<String, List<Long>> copy = new LinkedHashMap<>();
        processes.forEach((name, pids) -> copy.put(name, List.copyOf(pids)));
        processes = Collections.unmodifiableMap(copy);
    }

    /** An endpoint whose processes are one PID each. */
    public static Map<String, List<Long>> single(Map<String, Long> pids) {
        Map<String, List<Long>> processes = new LinkedHashMap<>();
        pids.forEach((name, pid) -> processes.put(name, List.of(pid)));
        return processes;
    }
}
