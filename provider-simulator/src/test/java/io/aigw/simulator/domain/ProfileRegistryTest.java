package io.aigw.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileRegistryTest {

    private final ModelProfile weak = ModelProfile.DEFAULT.apply(new ProfileUpdate(
            Duration.ofMillis(100), null, null, 120, null, null, null, null, 600L, null, ReplaySource.WEAK));
    private final ProfileRegistry registry = new ProfileRegistry(Map.of("sim-weak", weak));

    @Test
    void shouldGiveUnknownModelsTheDefaultProfile() {
        assertThat(registry.resolve("anything"))
                .isEqualTo(new ProfileRegistry.Resolved("default", ModelProfile.DEFAULT));
        assertThat(registry.resolve("sim-weak").profile()).isEqualTo(weak);
        assertThat(registry.configuredReplay()).isTrue();
    }

    @Test
    void shouldApplyPartialUpdatesAndRestoreTheConfiguration() {
        ModelProfile updated = registry.update(
                "sim-weak",
                new ProfileUpdate(null, null, null, null, 0.5, FailureKind.OVERLOADED, null, null, null, null, null));

        assertThat(updated.failureRate()).isEqualTo(0.5);
        assertThat(updated.failureKind()).isEqualTo(FailureKind.OVERLOADED);
        assertThat(updated.outputTokens()).isEqualTo(120);
        assertThat(updated.limits().rpm()).isEqualTo(600);

        assertThat(registry.restore("sim-weak")).isTrue();
        assertThat(registry.resolve("sim-weak").profile()).isEqualTo(weak);
    }

    @Test
    void shouldGiveANewModelItsOwnProfileBasedOnTheDefault() {
        registry.update("fresh", new ProfileUpdate(null, null, null, null, null, null, null, null, 2L, null, null));

        assertThat(registry.resolve("fresh").name()).isEqualTo("fresh");
        assertThat(registry.resolve("fresh").profile().limits()).isEqualTo(new Limits(2, 0));
        assertThat(registry.resolve("other").profile()).isEqualTo(ModelProfile.DEFAULT);
        assertThat(registry.names()).containsExactly("default", "fresh", "sim-weak");

        registry.restoreAll();
        assertThat(registry.resolve("fresh").name()).isEqualTo("default");
    }

    @Test
    void shouldRejectOutOfRangeValuesAndNameThem() {
        assertThatThrownBy(() -> ModelProfile.DEFAULT.apply(
                        new ProfileUpdate(null, null, null, null, 1.5, null, null, null, null, null, null)))
                .hasMessageContaining("failure-rate");
        assertThatThrownBy(() -> ModelProfile.DEFAULT.apply(new ProfileUpdate(
                        null, null, null, null, null, null, Duration.ofHours(1), null, null, null, null)))
                .hasMessageContaining("hang-duration");
    }
}
