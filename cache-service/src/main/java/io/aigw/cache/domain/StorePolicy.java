package io.aigw.cache.domain;

import java.util.Optional;

/**
 * Which answers are worth keeping: complete ones ({@code finish_reason} {@code stop} on every
 * choice), without tool calls unless allowed, and from a temperature above {@code
 * maxTemperatureWithoutOptIn} only when the client opted in (a sampled answer is one of many).
 *
 * @param allowToolCalls store answers that call tools
 * @param maxTemperatureWithoutOptIn the highest temperature stored without the client's opt-in
 */
public record StorePolicy(boolean allowToolCalls, double maxTemperatureWithoutOptIn) {

    public StorePolicy {
        if (Double.isNaN(maxTemperatureWithoutOptIn)
                || maxTemperatureWithoutOptIn < 0
                || maxTemperatureWithoutOptIn > 2) {
            throw new IllegalArgumentException(
                    "max-temperature-without-opt-in must be within 0..2: " + maxTemperatureWithoutOptIn);
        }
    }

    /** Empty when the answer may be stored, else why not (a stable label such as {@code not_finished}). */
    public Optional<String> refusal(CacheableRequest request, AnswerFacts answer, boolean highTemperatureOptIn) {
        if (answer.finishReasons().isEmpty()) {
            return Optional.of("no_choices");
        }
        if (!answer.finishReasons().stream()
                .allMatch(r -> r.equals("stop") || (allowToolCalls && r.equals("tool_calls")))) {
            return Optional.of("not_finished");
        }
        if (answer.hasToolCalls() && !allowToolCalls) {
            return Optional.of("tool_calls");
        }
        if (request.temperature().orElse(1.0) > maxTemperatureWithoutOptIn && !highTemperatureOptIn) {
            return Optional.of("temperature");
        }
        return Optional.empty();
    }
}
