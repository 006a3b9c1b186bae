package io.aigw.cache.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StorePolicyNoticeTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldReadBackWhatItWrites() {
        StorePolicyNotice notice = new StorePolicyNotice(
                false, Duration.ofHours(1), Map.of("acme", Duration.ofSeconds(90)), new StoreRules(true, 0.7));

        StorePolicyNotice read = StorePolicyNotice.parse(json.readTree(json.writeValueAsString(notice.toJson())));

        assertThat(read).isEqualTo(notice);
        assertThat(read.ttlFor("acme")).isEqualTo(Duration.ofSeconds(90));
        assertThat(read.ttlFor("other")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldRefuseANoticeItCannotTrust() {
        assertThatThrownBy(() -> StorePolicyNotice.parse(json.readTree("{\"semantic_layer\":false}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorePolicyNotice.parse(json.readTree(
                        "{\"semantic_layer\":false,\"default_ttl_ms\":0,\"max_temperature_without_opt_in\":1}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorePolicyNotice.parse(json.readTree(
                        "{\"semantic_layer\":false,\"default_ttl_ms\":1000,\"max_temperature_without_opt_in\":7}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorePolicyNotice.parse(json.readTree("[]")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepOnlyCompleteAnswersFromAColdEnoughRequest() {
        StoreRules rules = new StoreRules(false, 1.0);
        StoreRules.AnswerShape stopped = StoreRules.AnswerShape.of(
                json.readTree("{\"choices\":[{\"message\":{\"content\":\"4\"},\"finish_reason\":\"stop\"}]}"));
        StoreRules.AnswerShape cut = StoreRules.AnswerShape.of(
                json.readTree("{\"choices\":[{\"message\":{\"content\":\"4\"},\"finish_reason\":\"length\"}]}"));
        StoreRules.AnswerShape tools = StoreRules.AnswerShape.of(json.readTree(
                "{\"choices\":[{\"message\":{\"tool_calls\":[{\"id\":\"c\"}]},\"finish_reason\":\"tool_calls\"}]}"));

        assertThat(rules.refusal(stopped, Optional.empty(), false)).isEmpty();
        assertThat(rules.refusal(stopped, Optional.of(1.5), false)).contains("temperature");
        assertThat(rules.refusal(stopped, Optional.of(1.5), true)).isEmpty();
        assertThat(rules.refusal(cut, Optional.empty(), false)).contains("not_finished");
        assertThat(rules.refusal(tools, Optional.empty(), false)).contains("not_finished");
        assertThat(new StoreRules(true, 1.0).refusal(tools, Optional.empty(), false))
                .isEmpty();
        assertThat(rules.refusal(new StoreRules.AnswerShape(List.of(), false), Optional.empty(), false))
                .contains("no_choices");
        assertThatThrownBy(() -> StoreRules.AnswerShape.of(json.readTree("{\"id\":1}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
