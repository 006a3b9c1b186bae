package io.aigw.cache.domain;

import io.aigw.cache.format.StoreRules;
import java.util.Optional;

/**
 * Which answers are worth keeping, by {@link StoreRules} (shared with routing, which applies the same
 * rules when it writes exact entries itself): complete ones, without tool calls unless allowed, and
 * from a high temperature only when the client opted in.
 *
 * @param rules the rules, as routing gets them in cache-service's notice
 */
public record StorePolicy(StoreRules rules) {

    /**
     * @param allowToolCalls store answers that call tools
     * @param maxTemperatureWithoutOptIn the highest temperature stored without the client's opt-in
     */
    public StorePolicy(boolean allowToolCalls, double maxTemperatureWithoutOptIn) {
        this(new StoreRules(allowToolCalls, maxTemperatureWithoutOptIn));
    }

    /** Empty when the answer may be stored, else why not (a stable label such as {@code not_finished}). */
    public Optional<String> refusal(CacheableRequest request, AnswerFacts answer, boolean highTemperatureOptIn) {
        return rules.refusal(
                new StoreRules.AnswerShape(answer.finishReasons(), answer.hasToolCalls()),
                request.temperature(),
                highTemperatureOptIn);
    }
}
