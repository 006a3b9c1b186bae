package io.aigw.cache.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.cache.domain.CacheableRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChatRequestReaderTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private CacheableRequest read(String body) {
        return ChatRequestReader.read(json.readTree(body));
    }

    @Test
    void shouldRenderTheSameMaterialWhenOnlyFieldOrderAndNumberFormDiffer() {
        CacheableRequest one =
                read("{\"model\":\"m\",\"temperature\":1,\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}");
        CacheableRequest two =
                read("{\"messages\":[{\"content\":\"q\",\"role\":\"user\"}],\"temperature\":1.0,\"model\":\"m\","
                        + "\"stream\":true,\"user\":\"u-1\"}");

        assertThat(one.answerMaterial()).isEqualTo(two.answerMaterial());
        assertThat(one.scopeMaterial()).isEqualTo(two.scopeMaterial());
    }

    @Test
    void shouldChangeTheMaterialWhenAnAnswerChangingFieldChanges() {
        String base = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]%s}";
        String plain = read(String.format(base, "")).answerMaterial();

        for (String field : new String[] {
            ",\"seed\":1",
            ",\"max_tokens\":5",
            ",\"stop\":[\"x\"]",
            ",\"n\":2",
            ",\"top_p\":0.5",
            ",\"tool_choice\":\"none\"",
            ",\"response_format\":{\"type\":\"json_object\"}"
        }) {
            assertThat(read(String.format(base, field)).answerMaterial())
                    .as(field)
                    .isNotEqualTo(plain);
        }
    }

    @Test
    void shouldPutEarlierTurnsAndSystemPromptIntoTheScopeButNotTheLastQuestion() {
        String scoped = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"%s\"},"
                + "{\"role\":\"user\",\"content\":\"%s\"}]}";

        assertThat(read(String.format(scoped, "S", "q1")).scopeMaterial())
                .isEqualTo(read(String.format(scoped, "S", "q2")).scopeMaterial());
        assertThat(read(String.format(scoped, "S", "q1")).scopeMaterial())
                .isNotEqualTo(read(String.format(scoped, "T", "q1")).scopeMaterial());
        assertThat(read(String.format(scoped, "S", "q1")).lastUserText()).contains("q1");
    }

    @Test
    void shouldOfferNoSemanticTextWhenTheLastMessageHasAnImage() {
        CacheableRequest request = read(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"text\",\"text\":\"what is this?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}}]}]}");

        assertThat(request.lastUserText()).isEmpty();
    }

    @Test
    void shouldNameTheFieldWhenTheRequestIsInvalid() {
        assertThatThrownBy(() -> read("{\"model\":\"m\",\"messages\":[]}"))
                .isInstanceOfSatisfying(CacheRequestException.class, e -> assertThat(e.pointer())
                        .isEqualTo("/request/messages"));
    }
}
