package io.aigw.routing.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aigw.routing.domain.RoutingException.InvalidRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ChatRequestReaderTest {

    private final ChatRequestReader reader =
            new ChatRequestReader(JsonMapper.builder().build());

    @Test
    void shouldReadTheTypedViewAndKeepUnknownFieldsWhenTheBodyIsValid() {
        ChatRequestReader.Parsed parsed = reader.read(
                "{\"model\":\"m\",\"stream\":true,\"max_tokens\":7,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"x_vendor\":1}");

        assertThat(parsed.request().model()).isEqualTo("m");
        assertThat(parsed.request().stream()).isTrue();
        assertThat(parsed.request().maxTokens()).hasValue(7);
        assertThat(parsed.body().has("x_vendor")).isTrue();
    }

    @Test
    void shouldPreferMaxCompletionTokensWhenBothBoundsAreGiven() {
        ChatRequestReader.Parsed parsed = reader.read(
                "{\"model\":\"m\",\"max_tokens\":7,\"max_completion_tokens\":9,\"messages\":[{\"role\":\"user\"}]}");

        assertThat(parsed.request().maxTokens()).hasValue(9);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{nope | ",
                "[1,2] | ",
                "{\"messages\":[{\"role\":\"user\"}]} | model",
                "{\"model\":3,\"messages\":[{\"role\":\"user\"}]} | model",
                "{\"model\":\"m\"} | messages",
                "{\"model\":\"m\",\"messages\":[]} | messages",
                "{\"model\":\"m\",\"messages\":[3]} | messages[0]",
                "{\"model\":\"m\",\"messages\":[{\"content\":\"x\"}]} | messages[0].role",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\"}],\"stream\":\"yes\"} | stream",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\"}],\"max_tokens\":0} | max_tokens",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\"}],\"max_tokens\":1.5} | max_tokens",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\"}],\"temperature\":3} | temperature",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\"}],\"top_p\":\"a\"} | top_p",
            })
    void shouldNameTheBadParameterWhenTheBodyIsInvalid(String body, String param) {
        assertThatThrownBy(() -> reader.read(body))
                .isInstanceOfSatisfying(
                        InvalidRequest.class, e -> assertThat(e.param()).isEqualTo(param));
    }

    @Test
    void shouldRejectAnEmptyBodyWhenNothingWasSent() {
        assertThatThrownBy(() -> reader.read("")).isInstanceOf(InvalidRequest.class);
    }

    /** Jackson 3 refuses doubleValue() beyond a double's range: that must be a 400, never a 500. */
    @ParameterizedTest
    @CsvSource({"temperature", "top_p"})
    void shouldNameTheParameterWhenANumberIsBeyondADoublesRange(String field) {
        String huge = "9".repeat(400);
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"" + field
                + "\":" + huge + "}";

        assertThatThrownBy(() -> reader.read(body))
                .isInstanceOfSatisfying(
                        InvalidRequest.class, e -> assertThat(e.param()).isEqualTo(field));
    }
}
