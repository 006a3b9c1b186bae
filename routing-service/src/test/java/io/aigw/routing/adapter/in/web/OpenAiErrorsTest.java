package io.aigw.routing.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class OpenAiErrorsTest {

    /** Spring refuses some requests with a plain ResponseStatusException (e.g. an unparsable Content-Type). */
    @ParameterizedTest
    @CsvSource({
        "UNSUPPORTED_MEDIA_TYPE, 415, unsupported_media_type",
        "BAD_REQUEST, 400, invalid_request",
        "NOT_ACCEPTABLE, 400, invalid_request",
        "NOT_FOUND, 404, not_found"
    })
    void shouldAnswerAClientErrorWhenSpringRefusedTheRequestWithAStatus(HttpStatus refused, int status, String code) {
        OpenAiErrors.Answer answer = OpenAiErrors.of(new ResponseStatusException(refused));

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.body().error().code()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE"})
    void shouldStayA500WhenTheStatusIsNotTheClientsFault(HttpStatus status) {
        assertThat(OpenAiErrors.of(new ResponseStatusException(status)).status())
                .isEqualTo(500);
    }
}
