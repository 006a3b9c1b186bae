package io.aigw.routing.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.api.policy.RoutingPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingPoliciesTest {

    private static RoutingPolicy policy(
            long version, Integer maxTier, Map<String, Integer> byTenant, List<String> degraded) {
        return new RoutingPolicy(version, Instant.EPOCH, maxTier, Map.of(), byTenant, degraded, "test");
    }

    @Test
    void shouldAllowEveryTierWhenNoPolicyArrivedYet() {
        RoutingPolicies policies = new RoutingPolicies();

        assertThat(policies.maxTierFor("acme", 3)).isEqualTo(3);
        assertThat(policies.isDegraded("openai")).isFalse();
    }

    @Test
    void shouldTakeTheLowestOfTheGlobalAndTheTenantCapWhenBothAreSet() {
        RoutingPolicies policies = new RoutingPolicies();
        policies.offer(policy(1, 2, Map.of("acme", 1), List.of()));

        assertThat(policies.maxTierFor("acme", 3)).isEqualTo(1);
        assertThat(policies.maxTierFor("other", 3)).isEqualTo(2);
        assertThat(policies.maxTierFor("other", 1))
                .as("never above what was allowed anyway")
                .isEqualTo(1);
    }

    @Test
    void shouldIgnoreAnOlderOrRepeatedVersionWhenANewerOneIsInForce() {
        RoutingPolicies policies = new RoutingPolicies();
        assertThat(policies.offer(policy(5, 1, Map.of(), List.of("openai")))).isTrue();

        assertThat(policies.offer(policy(4, null, Map.of(), List.of()))).isFalse();
        assertThat(policies.offer(policy(5, null, Map.of(), List.of()))).isFalse();

        assertThat(policies.current().version()).isEqualTo(5);
        assertThat(policies.maxTierFor("acme", 3)).isEqualTo(1);
        assertThat(policies.isDegraded("openai")).isTrue();
    }

    @Test
    void shouldLiftTheCapsWhenANewerPolicyRestoresThem() {
        RoutingPolicies policies = new RoutingPolicies();
        policies.offer(policy(1, 1, Map.of(), List.of("openai")));

        policies.offer(policy(2, null, Map.of(), List.of()));

        assertThat(policies.maxTierFor("acme", 3)).isEqualTo(3);
        assertThat(policies.isDegraded("openai")).isFalse();
    }
}
