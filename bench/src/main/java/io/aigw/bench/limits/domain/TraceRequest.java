package io.aigw.bench.limits.domain;

import java.time.Duration;

/**
 * One row of the Azure LLM inference trace.
 *
 * @param offset time since the trace's first request
 * @param contextTokens the prompt's tokens ({@code ContextTokens})
 * @param generatedTokens the answer's tokens ({@code GeneratedTokens})
 */
public record TraceRequest(Duration offset, int contextTokens, int generatedTokens) {

    public TraceRequest {
        if (offset.isNegative() || contextTokens < 0 || generatedTokens < 0) {
            throw new IllegalArgumentException(
                    "bad trace row: " + offset + ", " + contextTokens + ", " + generatedTokens);
        }
    }
}
