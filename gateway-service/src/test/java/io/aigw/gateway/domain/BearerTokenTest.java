package io.aigw.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void shouldReturnTheKeyWhenTheHeaderIsABearerCredential() {
        assertThat(BearerToken.from("Bearer abc")).hasValue("abc");
        assertThat(BearerToken.from("bearer  abc ")).hasValue("abc");
    }

    @Test
    void shouldReturnNothingWhenTheHeaderIsMissingOrNotBearer() {
        assertThat(BearerToken.from(null)).isEmpty();
        assertThat(BearerToken.from("Bearer ")).isEmpty();
        assertThat(BearerToken.from("Basic abc")).isEmpty();
        assertThat(BearerToken.from("abc")).isEmpty();
    }
}
