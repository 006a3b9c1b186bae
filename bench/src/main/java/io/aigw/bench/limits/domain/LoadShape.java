package io.aigw.bench.limits.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns trace rows into the load's schedule: time compressed by {@code speed}, cut at {@code length},
 * sizes clipped to fit the cheap model's context window, requests dealt to the gateways in turn.
 *
 * @param speed how much faster than recorded the trace plays (2 = the first 2 × length of the trace)
 * @param length how long the load lasts
 * @param contextWindow the cheap model's context window: prompt + {@code max_tokens} must fit it, or
 *     routing would skip the model for size rather than for headroom
 * @param maxOutput the largest {@code max_tokens} sent
 * @param gateways how many gateways share the load
 */
public record LoadShape(double speed, Duration length, int contextWindow, int maxOutput, int gateways) {

    /** The smallest prompt sent: one word of text plus the chat overhead. */
    public static final int MIN_PROMPT = PromptText.CHAT_OVERHEAD + 1;

    public LoadShape {
        if (!(speed > 0) || length.isZero() || length.isNegative() || gateways < 1 || maxOutput < 1) {
            throw new IllegalArgumentException(
                    "bad load shape: speed " + speed + ", length " + length + ", gateways " + gateways);
        }
        if (contextWindow < MIN_PROMPT + maxOutput) {
            throw new IllegalArgumentException(
                    "context window " + contextWindow + " leaves no room for max output " + maxOutput);
        }
    }

    /** The schedule of the rows (in trace order) that fall within {@link #length()} once compressed. */
    public List<Arrival> schedule(List<TraceRequest> trace) {
        List<Arrival> arrivals = new ArrayList<>();
        long limit = length.toNanos();
        for (TraceRequest row : trace) {
            long at = Math.round(row.offset().toNanos() / speed);
            if (at >= limit) {
                continue;
            }
            int maxTokens = clamp(row.generatedTokens(), 1, maxOutput);
            int prompt = clamp(row.contextTokens(), MIN_PROMPT, contextWindow - maxTokens);
            int index = arrivals.size();
            arrivals.add(new Arrival(index, Duration.ofNanos(at), prompt, maxTokens, index % gateways));
        }
        return arrivals;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
