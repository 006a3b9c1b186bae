package io.aigw.gateway.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RequestedOutputTest {

    private final RequestedOutput reader =
            new RequestedOutput(JsonMapper.builder().build());

    private OptionalLong of(String body) {
        return reader.of(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPreferMaxCompletionTokensWhenBothAreSet() {
        assertThat(of("{\"max_tokens\":10,\"messages\":[{\"max_tokens\":99}],\"max_completion_tokens\":20}"))
                .hasValue(20);
    }

    @Test
    void shouldReadMaxTokensWhenOnlyItIsSetAtTheTopLevel() {
        assertThat(of("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":64}"))
                .hasValue(64);
        assertThat(of("{\"messages\":[{\"max_tokens\":99}]}")).isEmpty();
    }

    @Test
    void shouldAskForNothingWhenTheBodyIsNotAJsonObject() {
        assertThat(of("")).isEmpty();
        assertThat(of("[1,2]")).isEmpty();
        assertThat(of("{\"max_tokens\":")).isEmpty();
        assertThat(of("{\"max_tokens\":\"ten\"}")).isEmpty();
    }
}
