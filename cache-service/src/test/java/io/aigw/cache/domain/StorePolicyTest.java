package io.aigw.cache.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorePolicyTest {

    private final StorePolicy policy = new StorePolicy(false, 0.7);

    private static CacheableRequest at(Double temperature) {
        return new CacheableRequest("m", "{}", "{}", Optional.of("q"), Optional.ofNullable(temperature));
    }

    private static final AnswerFacts DONE = new AnswerFacts(List.of("stop"), false);

    @Test
    void shouldStoreAFinishedAnswerAtALowTemperature() {
        assertThat(policy.refusal(at(0.2), DONE, false)).isEmpty();
    }

    @Test
    void shouldRefuseACutOffAnswer() {
        assertThat(policy.refusal(at(0.0), new AnswerFacts(List.of("stop", "length"), false), false))
                .contains("not_finished");
    }

    @Test
    void shouldRefuseToolCallsUnlessAllowed() {
        AnswerFacts tools = new AnswerFacts(List.of("tool_calls"), true);

        assertThat(policy.refusal(at(0.0), tools, false)).isPresent();
        assertThat(new StorePolicy(true, 0.7).refusal(at(0.0), tools, false)).isEmpty();
    }

    @Test
    void shouldStoreAHighTemperatureAnswerOnlyWithTheOptIn() {
        assertThat(policy.refusal(at(1.2), DONE, false)).contains("temperature");
        assertThat(policy.refusal(at(null), DONE, false)).contains("temperature"); // providers default to 1
        assertThat(policy.refusal(at(1.2), DONE, true)).isEmpty();
    }

    @Test
    void shouldNameTheBadBoundWhenConfiguredOutOfRange() {
        assertThatThrownBy(() -> new StorePolicy(false, 3)).hasMessageContaining("3.0");
    }
}
