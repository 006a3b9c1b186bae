package io.aigw.bench.limits.domain;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One scheduled request's outcome as the client saw it.
 *
 * @param arrival what was scheduled
 * @param outcome what became of it
 * @param status the HTTP status, 0 when none arrived (or it was shed)
 * @param answeredBy {@code x-aigw-model}, empty when none
 * @param retryAfterSeconds {@code retry-after}, when the answer carried one
 * @param promptTokens {@code usage.prompt_tokens} of an answer, else 0
 * @param completionTokens {@code usage.completion_tokens} of an answer, else 0
 * @param latency from sending to the whole answer; zero when shed
 * @param detail the error code or exception of a failure, else empty
 */
public record RequestResult(
        Arrival arrival,
        Outcome outcome,
        int status,
        String answeredBy,
        OptionalLong retryAfterSeconds,
        int promptTokens,
        int completionTokens,
        Duration latency,
        String detail) {

    public static RequestResult shed(Arrival arrival) {
        return new RequestResult(arrival, Outcome.SHED, 0, "", OptionalLong.empty(), 0, 0, Duration.ZERO, "");
    }

    public static RequestResult failed(Arrival arrival, Duration latency, String detail) {
        return new RequestResult(arrival, Outcome.FAILED, 0, "", OptionalLong.empty(), 0, 0, latency, detail);
    }
}
