package io.aigw.gateway.domain;

import java.util.OptionalLong;

/**
 * The tokens a request is charged before it is sent, when nobody knows its real usage yet: about one
 * token per four bytes of request body (JSON overhead makes that generous for English prompts), plus
 * the output it may produce — its {@code max_tokens} when it sets one, else a default. Bounded, so a
 * request asking for an absurd output is not refused for its wish alone.
 *
 * @param defaultOutputTokens output assumed when a generating request sets no maximum
 * @param maxEstimate the most any one request is charged before its real usage is known
 */
public record TokenEstimate(long defaultOutputTokens, long maxEstimate) {

    public TokenEstimate {
        if (defaultOutputTokens < 0) {
            throw new IllegalArgumentException(
                    "default output tokens must not be negative, was " + defaultOutputTokens);
        }
        if (maxEstimate < 1) {
            throw new IllegalArgumentException("max estimate must be positive, was " + maxEstimate);
        }
    }

    /**
     * @param bodyBytes the request body's size
     * @param requestedOutput the request's {@code max_completion_tokens} or {@code max_tokens}, if any
     * @param generates whether the request produces output tokens (chat completions do, embeddings
     *     and listings do not)
     */
    public long of(long bodyBytes, OptionalLong requestedOutput, boolean generates) {
        long prompt = (Math.max(0, bodyBytes) + 3) / 4;
        long output = generates ? Math.max(0, requestedOutput.orElse(defaultOutputTokens)) : 0;
        return Math.min(maxEstimate, prompt + Math.min(output, maxEstimate));
    }
}
