package io.aigw.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamStatusTest {

    @ParameterizedTest
    @CsvSource({
        "400,false,true",
        "401,false,false",
        "403,false,false",
        "404,false,false",
        "408,true,false",
        "422,false,true",
        "429,true,false",
        "500,true,false",
        "502,true,false",
        "503,true,false",
        "529,true,false"
    })
    void shouldClassifyAStatusWhenTheProviderAnswersIt(int status, boolean retriable, boolean clientError) {
        assertThat(UpstreamStatus.isRetriable(status)).isEqualTo(retriable);
        assertThat(UpstreamStatus.isClientError(status)).isEqualTo(clientError);
    }
}
