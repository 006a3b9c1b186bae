package io.aigw.routing.adapter.out.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.routing.domain.Provider;
import io.aigw.routing.domain.ProviderType;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderEndpointsTest {

    private final ProviderEndpoints endpoints = new ProviderEndpoints();

    private static Provider provider(String baseUrl) {
        return new Provider("p", ProviderType.OPENAI_COMPATIBLE, URI.create(baseUrl), "", Duration.ofSeconds(5));
    }

    @Test
    void appendsThePathToTheBaseUrl() {
        assertThat(endpoints.of(provider("http://127.0.0.1:8081/v1"), "/chat/completions"))
                .isEqualTo(URI.create("http://127.0.0.1:8081/v1/chat/completions"));
    }

    @Test
    void parsesEachUrlOnce() {
        Provider provider = provider("https://api.example.com/v1");

        URI first = endpoints.of(provider, "/embeddings");

        assertThat(endpoints.of(provider, "/embeddings")).isSameAs(first);
        assertThat(endpoints.of(provider, "/chat/completions")).isNotEqualTo(first);
        assertThat(endpoints.size()).isEqualTo(2);
    }

    @Test
    void staysBoundedWhenBaseUrlsKeepChanging() {
        for (int i = 0; i < ProviderEndpoints.MAX_URLS * 3; i++) {
            endpoints.of(provider("http://127.0.0.1:" + (1024 + i)), "/messages");
        }

        assertThat(endpoints.size()).isLessThanOrEqualTo(ProviderEndpoints.MAX_URLS);
        assertThat(endpoints.of(provider("http://127.0.0.1:9/v1"), "/messages"))
                .isEqualTo(URI.create("http://127.0.0.1:9/v1/messages"));
    }
}
