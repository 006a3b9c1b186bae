package io.aigw.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorKindTest {

    @Test
    void shouldMatchTheDesignErrorTableWhenLookingAtStatusesAndTypes() {
        assertThat(ErrorKind.INVALID_API_KEY.status()).isEqualTo(401);
        assertThat(ErrorKind.INVALID_API_KEY.type()).isEqualTo("authentication_error");
        assertThat(ErrorKind.MODEL_NOT_FOUND.status()).isEqualTo(404);
        assertThat(ErrorKind.MODEL_NOT_FOUND.code()).isEqualTo("model_not_found");
        assertThat(ErrorKind.INSUFFICIENT_QUOTA.status()).isEqualTo(429);
        assertThat(ErrorKind.UPSTREAM_TIMEOUT.status()).isEqualTo(504);
    }

    @Test
    void shouldUseApiErrorTypeWhenStatusIsAServerError() {
        Arrays.stream(ErrorKind.values()).filter(kind -> kind.status() >= 500).forEach(kind -> assertThat(kind.type())
                .isEqualTo("api_error"));
    }

    @Test
    void shouldCarryKindTypeAndCodeWhenBuildingTheBody() {
        OpenAiError body = OpenAiError.of(ErrorKind.MODEL_NOT_FOUND, "no such model", "model");

        assertThat(body.error().type()).isEqualTo("invalid_request_error");
        assertThat(body.error().code()).isEqualTo("model_not_found");
        assertThat(body.error().param()).isEqualTo("model");
    }
}
