package io.aigw.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QualityGatesTest {

    /** Treats text starting with { or [ as JSON and reports a violation when the schema says "fail". */
    private static final JsonInspector JSON = new JsonInspector() {
        @Override
        public boolean isJsonObjectOrArray(String text) {
            String t = text.strip();
            return (t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"));
        }

        @Override
        public List<String> schemaViolations(String json, String schemaJson) {
            return schemaJson.contains("fail") ? List.of("$.x: required") : List.of();
        }
    };

    private final QualityGates gates = new QualityGates(JSON, OptionalDouble.of(-1.5));

    private static Answer answer(String finish, String content) {
        return new Answer(finish, content, "", List.of(), OptionalDouble.empty());
    }

    private static ChatRequest asking(ResponseFormat format) {
        return new ChatRequest(
                "m", false, false, OptionalInt.empty(), Set.of(), format, new Prompt(List.of(), 0, List.of()));
    }

    private static final ChatRequest TEXT = asking(ResponseFormat.TEXT);

    @Test
    void shouldPassWhenTheAnswerIsCompleteText() {
        assertThat(gates.firstFailure(answer("stop", "Paris."), TEXT)).isEmpty();
    }

    @Test
    void shouldFailAsTruncatedWhenTheAnswerHitTheTokenLimit() {
        assertThat(gates.firstFailure(answer("length", "Par"), TEXT)).contains(EscalationReason.TRUNCATED);
    }

    @Test
    void shouldFailAsEmptyWhenThereIsNoContentAndNoToolCall() {
        assertThat(gates.firstFailure(answer("stop", "   "), TEXT)).contains(EscalationReason.EMPTY);
    }

    @Test
    void shouldPassWhenTheOnlyOutputIsAValidToolCall() {
        Answer toolCall = new Answer("tool_calls", "", "", List.of("{\"city\":\"Paris\"}"), OptionalDouble.empty());

        assertThat(gates.firstFailure(toolCall, TEXT)).isEmpty();
    }

    @Test
    void shouldFailWhenToolCallArgumentsAreNotJson() {
        Answer toolCall = new Answer("tool_calls", "", "", List.of("{city: Paris"), OptionalDouble.empty());

        assertThat(gates.firstFailure(toolCall, TEXT)).contains(EscalationReason.INVALID_TOOL_ARGUMENTS);
    }

    @Test
    void shouldFailAsRefusalWhenTheProviderSetsItsRefusalField() {
        Answer refused = new Answer("stop", "", "I can't do that.", List.of(), OptionalDouble.empty());

        assertThat(gates.firstFailure(refused, TEXT)).contains(EscalationReason.REFUSAL);
    }

    @Test
    void shouldFailAsRefusalWhenAShortAnswerOpensWithARefusal() {
        assertThat(gates.firstFailure(answer("stop", "I’m sorry, but I can’t help with that."), TEXT))
                .contains(EscalationReason.REFUSAL);
    }

    @Test
    void shouldNotTreatALongAnswerAsARefusalWhenItMerelyApologizesFirst() {
        String long_ = "I'm sorry, but I can only estimate: " + "the details follow. ".repeat(30);

        assertThat(gates.firstFailure(answer("stop", long_), TEXT)).isEmpty();
    }

    @Test
    void shouldFailAsInvalidJsonWhenJsonWasAskedAndTextCameBack() {
        ChatRequest json = asking(new ResponseFormat(ResponseFormat.Kind.JSON_OBJECT, null));

        assertThat(gates.firstFailure(answer("stop", "Sure! Here it is: name=Bob"), json))
                .contains(EscalationReason.INVALID_JSON);
    }

    @Test
    void shouldAcceptFencedJsonWhenJsonWasAsked() {
        ChatRequest json = asking(new ResponseFormat(ResponseFormat.Kind.JSON_OBJECT, null));

        assertThat(gates.firstFailure(answer("stop", "```json\n{\"name\":\"Bob\"}\n```"), json))
                .isEmpty();
    }

    @Test
    void shouldFailAsSchemaMismatchWhenTheJsonBreaksTheSchema() {
        ChatRequest schema = asking(new ResponseFormat(ResponseFormat.Kind.JSON_SCHEMA, "{\"fail\":true}"));

        assertThat(gates.firstFailure(answer("stop", "{\"y\":1}"), schema)).contains(EscalationReason.SCHEMA_MISMATCH);
    }

    @Test
    void shouldFailAsLowConfidenceWhenTheMeanLogprobIsBelowTheThreshold() {
        Answer unsure = new Answer("stop", "Maybe 42.", "", List.of(), OptionalDouble.of(-2.3));
        Answer sure = new Answer("stop", "42.", "", List.of(), OptionalDouble.of(-0.2));

        assertThat(gates.firstFailure(unsure, TEXT)).contains(EscalationReason.LOW_CONFIDENCE);
        assertThat(gates.firstFailure(sure, TEXT)).isEmpty();
    }

    @Test
    void shouldIgnoreLogprobsWhenTheConfidenceGateIsOff() {
        QualityGates noConfidence = new QualityGates(JSON, OptionalDouble.empty());
        Answer unsure = new Answer("stop", "Maybe 42.", "", List.of(), OptionalDouble.of(-9));

        assertThat(noConfidence.firstFailure(unsure, TEXT)).isEmpty();
    }
}
