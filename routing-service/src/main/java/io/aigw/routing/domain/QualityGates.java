package io.aigw.routing.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The generic checks a cascade applies to a cheap answer before it accepts it. They look only at the
 * answer and the request — never at what the right answer would be — so they work on any traffic.
 * Checked in order; the first failure names the escalation reason.
 */
public final class QualityGates {

    /** Opening phrases of a refusal; matched only on short answers, where they are the whole point. */
    private static final List<String> REFUSAL_OPENINGS = List.of(
            "i'm sorry, but i can",
            "i am sorry, but i can",
            "i'm sorry, i can",
            "sorry, i can't",
            "i can't help with",
            "i cannot help with",
            "i can't assist with",
            "i cannot assist with",
            "i'm unable to help",
            "i am unable to help",
            "as an ai language model, i cannot");

    private static final int REFUSAL_MAX_LENGTH = 300;

    private final JsonInspector json;
    private final OptionalDouble minMeanLogprob;

    /**
     * @param minMeanLogprob the confidence gate's threshold; empty turns the gate off
     */
    public QualityGates(JsonInspector json, OptionalDouble minMeanLogprob) {
        this.json = json;
        this.minMeanLogprob = minMeanLogprob;
    }

    public Optional<EscalationReason> firstFailure(Answer answer, ChatRequest request) {
        if ("length".equals(answer.finishReason())) {
            return Optional.of(EscalationReason.TRUNCATED);
        }
        boolean hasToolCalls = !answer.toolCallArguments().isEmpty();
        if (!answer.refusal().isBlank() || isRefusal(answer.content())) {
            return Optional.of(EscalationReason.REFUSAL);
        }
        if (answer.content().isBlank() && !hasToolCalls) {
            return Optional.of(EscalationReason.EMPTY);
        }
        for (String arguments : answer.toolCallArguments()) {
            if (!json.isJsonObjectOrArray(arguments)) {
                return Optional.of(EscalationReason.INVALID_TOOL_ARGUMENTS);
            }
        }
        ResponseFormat format = request.responseFormat();
        if (format.wantsJson() && !hasToolCalls) {
            String text = stripCodeFence(answer.content());
            if (!json.isJsonObjectOrArray(text)) {
                return Optional.of(EscalationReason.INVALID_JSON);
            }
            if (format.kind() == ResponseFormat.Kind.JSON_SCHEMA
                    && format.schemaJson() != null
                    && !json.schemaViolations(text, format.schemaJson()).isEmpty()) {
                return Optional.of(EscalationReason.SCHEMA_MISMATCH);
            }
        }
        if (minMeanLogprob.isPresent()
                && answer.meanLogprob().isPresent()
                && answer.meanLogprob().getAsDouble() < minMeanLogprob.getAsDouble()) {
            return Optional.of(EscalationReason.LOW_CONFIDENCE);
        }
        return Optional.empty();
    }

    static boolean isRefusal(String content) {
        String text = content.strip();
        if (text.isEmpty() || text.length() > REFUSAL_MAX_LENGTH) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        return REFUSAL_OPENINGS.stream().anyMatch(lower::startsWith);
    }

    /** Models often wrap JSON in a Markdown fence even when asked for JSON; the fence is not the answer. */
    static String stripCodeFence(String content) {
        String text = content.strip();
        if (text.startsWith("```") && text.endsWith("```") && text.length() > 6) {
            int firstLineEnd = text.indexOf('\n');
            if (firstLineEnd > 0) {
                return text.substring(firstLineEnd + 1, text.length() - 3).strip();
            }
        }
        return text;
    }
}
