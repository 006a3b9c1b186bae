package io.aigw.cache.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Which answers are worth keeping: complete ones ({@code finish_reason} {@code stop} on every
 * choice), without tool calls unless allowed, and from a temperature above {@code
 * maxTemperatureWithoutOptIn} only when the client opted in (a sampled answer is one of many). One
 * rule for both writers of the exact cache: cache-service, and routing when cache-service runs
 * without a semantic layer.
 *
 * @param allowToolCalls store answers that call tools
 * @param maxTemperatureWithoutOptIn the highest temperature stored without the client's opt-in
 */
public record StoreRules(boolean allowToolCalls, double maxTemperatureWithoutOptIn) {

    /** What the rules look at in an answer: the finish reason of every choice, and tool calls. */
    public record AnswerShape(List<String> finishReasons, boolean hasToolCalls) {

        public AnswerShape {
            finishReasons = List.copyOf(finishReasons);
        }

        /** @throws IllegalArgumentException when the response is not a chat completion with choices */
        public static AnswerShape of(JsonNode response) {
            if (response == null
                    || !response.isObject()
                    || !response.path("choices").isArray()) {
                throw new IllegalArgumentException("response must be a chat completion with a choices array");
            }
            List<String> reasons = new ArrayList<>();
            boolean toolCalls = false;
            for (JsonNode choice : response.path("choices").values()) {
                reasons.add(choice.path("finish_reason").asString(""));
                JsonNode calls = choice.path("message").path("tool_calls");
                toolCalls |= (calls.isArray() && !calls.isEmpty())
                        || choice.path("message").path("function_call").isObject();
            }
            return new AnswerShape(reasons, toolCalls);
        }
    }

    public StoreRules {
        if (Double.isNaN(maxTemperatureWithoutOptIn)
                || maxTemperatureWithoutOptIn < 0
                || maxTemperatureWithoutOptIn > 2) {
            throw new IllegalArgumentException(
                    "max-temperature-without-opt-in must be within 0..2: " + maxTemperatureWithoutOptIn);
        }
    }

    /**
     * Empty when the answer may be stored, else why not (a stable label such as {@code not_finished},
     * the {@code outcome} of {@code aigw_cache_stores_total}).
     *
     * @param temperature the request's temperature, empty for the provider's default (taken as 1)
     */
    public Optional<String> refusal(AnswerShape answer, Optional<Double> temperature, boolean highTemperatureOptIn) {
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
        if (temperature.orElse(1.0) > maxTemperatureWithoutOptIn && !highTemperatureOptIn) {
            return Optional.of("temperature");
        }
        return Optional.empty();
    }
}
