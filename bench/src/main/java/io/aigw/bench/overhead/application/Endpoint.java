package io.aigw.bench.overhead.application;

import io.aigw.bench.overhead.domain.Target;
import java.util.Map;

/**
 * Where one target is reached and which processes are its own (whose CPU and RSS count for it).
 *
 * @param target the target
 * @param baseUrl e.g. {@code http://127.0.0.1:8080}
 * @param model the {@code model} field to send
 * @param headers headers besides {@code Content-Type}
 * @param unique a new prompt on every request (a cache miss), else always the same one
 * @param processes process name to PID
 */
public record Endpoint(
        Target target,
        String baseUrl,
        String model,
        Map<String, String> headers,
        boolean unique,
        Map<String, Long> processes) {

    public Endpoint {
        headers = Map.copyOf(headers);
        processes = Map.copyOf(processes);
    }
}
