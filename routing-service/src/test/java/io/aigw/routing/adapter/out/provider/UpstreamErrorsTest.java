package io.aigw.routing.adapter.out.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.Model;
import io.aigw.routing.domain.Price;
import io.aigw.routing.domain.Provider;
import io.aigw.routing.domain.ProviderType;
import io.aigw.routing.domain.RoutingException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class UpstreamErrorsTest {

    private static final Deployment DEPLOYMENT = new Deployment(
            new Model("m", "openai", null, 1, Price.FREE, 8192, Set.of()),
            new Provider(
                    "openai", ProviderType.OPENAI, URI.create("https://x/v1"), "sk-live-123", Duration.ofSeconds(1)));

    private final UpstreamErrors errors =
            new UpstreamErrors(JsonMapper.builder().build());

    @Test
    void shouldReturnAClientErrorWithTheProviderMessageWhenTheProviderAnswers400() {
        RoutingException error = errors.fromStatus(DEPLOYMENT, 400, "{\"error\":{\"message\":\"bad tool schema\"}}");

        assertThat(error).isInstanceOf(RoutingException.InvalidRequest.class).hasMessage("bad tool schema");
    }

    @Test
    void shouldReturnARetriableFailureWhenTheProviderIsOverloaded() {
        RoutingException error = errors.fromStatus(DEPLOYMENT, 503, "overloaded");

        assertThat(error).isInstanceOfSatisfying(RoutingException.UpstreamFailure.class, f -> {
            assertThat(f.retriable()).isTrue();
            assertThat(f.upstreamStatus()).isEqualTo(503);
        });
        assertThat(error).hasMessage("provider 'openai' answered 503: overloaded");
    }

    @Test
    void shouldReturnANonRetriableFailureWhenTheProviderRejectsOurKey() {
        RoutingException error =
                errors.fromStatus(DEPLOYMENT, 401, "{\"error\":{\"message\":\"Incorrect API key sk-live-123\"}}");

        assertThat(error).isInstanceOfSatisfying(RoutingException.UpstreamFailure.class, f -> assertThat(f.retriable())
                .isFalse());
        assertThat(error.getMessage()).doesNotContain("sk-live-123").contains("****");
    }

    @Test
    void shouldShortenTheMessageWhenTheProviderSendsAHugeBody() {
        RoutingException error = errors.fromStatus(DEPLOYMENT, 500, "x".repeat(5000));

        assertThat(error.getMessage()).hasSizeLessThan(400);
    }
}
