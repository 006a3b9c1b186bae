package io.aigw.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void shouldSplitTheLimitWhenSeveralReplicasShareIt() {
        assertThat(new RateLimit(600, 100_000).shareOf(4)).isEqualTo(new RateLimit(150, 25_000));
    }

    @Test
    void shouldKeepAtLeastOneAndKeepUnlimitedUnlimitedWhenSplitting() {
        assertThat(new RateLimit(3, 0).shareOf(8)).isEqualTo(new RateLimit(1, 0));
        assertThat(new RateLimit(10, 10).shareOf(0)).isEqualTo(new RateLimit(10, 10));
    }

    @Test
    void shouldRefuseNegativeLimits() {
        assertThatThrownBy(() -> new RateLimit(-1, 0)).hasMessageContaining("rpm=-1");
    }

    @Test
    void shouldListTheProviderAndTheDeploymentScopeWhenBothAreLimited() {
        DeploymentId id = new DeploymentId("openai", "gpt-4o");
        CapacityLimits limits = new CapacityLimits(
                Map.of("openai", new RateLimit(100, 0)),
                Map.of(id, new RateLimit(0, 5000), new DeploymentId("openai", "mini"), RateLimit.NONE));

        assertThat(limits.scopesOf(id))
                .containsExactly(
                        new CapacityScope("openai", "provider", new RateLimit(100, 0)),
                        new CapacityScope("openai", "model:gpt-4o", new RateLimit(0, 5000)));
        assertThat(limits.scopesOf(new DeploymentId("openai", "mini")))
                .containsExactly(new CapacityScope("openai", "provider", new RateLimit(100, 0)));
        assertThat(limits.scopesOf(new DeploymentId("other", "x"))).isEqualTo(List.of());
        assertThat(limits.isEmpty()).isFalse();
        assertThat(CapacityLimits.NONE.isEmpty()).isTrue();
    }
}
