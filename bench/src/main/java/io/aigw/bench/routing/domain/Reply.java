package io.aigw.bench.routing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the gateway answered to one benchmark request: the parts a score, a cost and a sanity check
 * need.
 *
 * @param status the HTTP status; anything but 200 scores as wrong
 * @param model {@code x-aigw-model}: the catalog model whose answer the client got, or empty
 * @param costUsd {@code x-aigw-cost-usd}: this answer's cost including wasted cascade attempts
 * @param finishReason {@code choices[0].finish_reason}, or empty
 * @param completionTokens {@code usage.completion_tokens} of the answer the client got
 * @param escalations {@code x-aigw-escalations}, comma-separated reasons, or empty
 * @param content {@code choices[0].message.content}, or the error body
 */
public record Reply(
        int status,
        String model,
        BigDecimal costUsd,
        String finishReason,
        int completionTokens,
        String escalations,
        String content) {

    public Reply {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(costUsd, "costUsd");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(escalations, "escalations");
        Objects.requireNonNull(content, "content");
    }

    /** A request that got no answer at all (connection refused, timeout). */
    public static Reply failed(String message) {
        return new Reply(0, "", BigDecimal.ZERO, "", 0, "", message);
    }

    public boolean ok() {
        return status == 200;
    }

    /** The answer stopped at the request's max tokens, so whatever came after is missing. */
    public boolean truncated() {
        return "length".equals(finishReason);
    }

    public boolean escalated() {
        return !escalations.isEmpty();
    }
}
