package io.aigw.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void shouldSplitEveryLimitButNeverIntoUnlimitedWhenSharedByReplicas() {
        assertThat(new Plan(10, 1000, 3, 0).shareOf(4)).isEqualTo(new Plan(2, 250, 1, 0));
        assertThat(new Plan(10, 1000, 3, 0).shareOf(0)).isEqualTo(new Plan(10, 1000, 3, 0));
    }

    @Test
    void shouldNameTheBadValueWhenALimitIsNegative() {
        assertThatThrownBy(() -> new Plan(-1, 0, 0, 0)).hasMessageContaining("rpm=-1");
    }

    @Test
    void shouldLeaveOutUnlimitedScopesWhenListingWhatARequestIsChargedTo() {
        KeyOwner owner = new KeyOwner("acme", "k1");
        Plan key = new Plan(1, 0, 0, 0);

        assertThat(new AppliedPlans(Plan.UNLIMITED, Optional.of(key)).scopes(owner))
                .containsExactly(LimitScope.ofKey("acme", "k1", key));
        assertThat(AppliedPlans.ofTenant(Plan.UNLIMITED).scopes(owner)).isEqualTo(List.of());
    }
}
