package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.domain.LimitDecision;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;

/** The rate-limit headers of each provider dialect, written from one {@link LimitDecision}. */
final class RateLimitHeaders {

    private RateLimitHeaders() {}

    /** OpenAI: {@code x-ratelimit-{limit,remaining,reset}-{requests,tokens}}, plus {@code retry-after} on 429. */
    static void openAi(HttpHeaders headers, LimitDecision decision) {
        if (decision.limits().limitsRequests()) {
            headers.set(
                    "x-ratelimit-limit-requests",
                    Long.toString(decision.limits().rpm()));
            headers.set("x-ratelimit-remaining-requests", Long.toString(decision.remainingRequests()));
            headers.set("x-ratelimit-reset-requests", openAiDuration(decision.resetRequests()));
        }
        if (decision.limits().limitsTokens()) {
            headers.set(
                    "x-ratelimit-limit-tokens", Long.toString(decision.limits().tpm()));
            headers.set("x-ratelimit-remaining-tokens", Long.toString(decision.remainingTokens()));
            headers.set("x-ratelimit-reset-tokens", openAiDuration(decision.resetTokens()));
        }
        retryAfter(headers, decision);
    }

    /** Anthropic: {@code anthropic-ratelimit-{requests,tokens}-{limit,remaining,reset}} with RFC 3339 resets. */
    static void anthropic(HttpHeaders headers, LimitDecision decision, Instant now) {
        if (decision.limits().limitsRequests()) {
            headers.set(
                    "anthropic-ratelimit-requests-limit",
                    Long.toString(decision.limits().rpm()));
            headers.set("anthropic-ratelimit-requests-remaining", Long.toString(decision.remainingRequests()));
            headers.set(
                    "anthropic-ratelimit-requests-reset",
                    now.plus(decision.resetRequests()).toString());
        }
        if (decision.limits().limitsTokens()) {
            headers.set(
                    "anthropic-ratelimit-tokens-limit",
                    Long.toString(decision.limits().tpm()));
            headers.set("anthropic-ratelimit-tokens-remaining", Long.toString(decision.remainingTokens()));
            headers.set(
                    "anthropic-ratelimit-tokens-reset",
                    now.plus(decision.resetTokens()).toString());
        }
        retryAfter(headers, decision);
    }

    private static void retryAfter(HttpHeaders headers, LimitDecision decision) {
        if (decision.accepted()) {
            return;
        }
        Duration wait = decision.retryAfter();
        // retry-after only has whole seconds; rounding down would invite a retry that is refused again.
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        headers.set("retry-after-ms", Long.toString(Math.max(1, wait.toMillis())));
    }

    /** OpenAI's reset format: {@code 20ms}, {@code 1.5s}, {@code 6m0s}. */
    static String openAiDuration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1000) {
            return millis + "ms";
        }
        long minutes = millis / 60_000;
        String seconds =
                BigDecimal.valueOf(millis % 60_000, 3).stripTrailingZeros().toPlainString();
        return minutes > 0 ? minutes + "m" + seconds + "s" : seconds + "s";
    }
}
