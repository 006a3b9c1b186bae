package io.aigw.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StackSecretsTest {

    private static final Path ROOT = Path.of("/tmp/aigw-root");

    @Test
    void shouldGenerateBothSecretsWhenAbsent() {
        StackSpec spec = StackSpec.builder(ROOT).baseEnvironment(Map.of()).build();

        StackSecrets first = StackSecrets.resolve(spec);
        StackSecrets second = StackSecrets.resolve(spec);

        assertThat(first.demoKey()).matches("aigw-demo-[0-9a-f]{32}");
        assertThat(first.internalToken()).matches("[0-9a-f]{64}");
        assertThat(second.demoKey()).isNotEqualTo(first.demoKey());
        assertThat(second.internalToken()).isNotEqualTo(first.internalToken());
    }

    @Test
    void shouldKeepSecretsFromTheEnvironment() {
        StackSpec spec = StackSpec.builder(ROOT)
                .baseEnvironment(Map.of("AIGW_INTERNAL_TOKEN", "from-env-token", "AIGW_DEMO_KEY", "from-env-key"))
                .build();

        StackSecrets secrets = StackSecrets.resolve(spec, new Random(1));

        assertThat(secrets.internalToken()).isEqualTo("from-env-token");
        assertThat(secrets.demoKey()).isEqualTo("from-env-key");
    }

    @Test
    void shouldPreferTheBuilderOverTheEnvironmentAndTreatBlankAsAbsent() {
        StackSpec spec = StackSpec.builder(ROOT)
                .baseEnvironment(Map.of("AIGW_INTERNAL_TOKEN", "from-env", "AIGW_DEMO_KEY", "  "))
                .internalToken("from-builder")
                .build();

        StackSecrets secrets = StackSecrets.resolve(spec, new Random(1));

        assertThat(secrets.internalToken()).isEqualTo("from-builder");
        assertThat(secrets.demoKey()).startsWith(StackSecrets.DEMO_KEY_PREFIX);
    }

    @Test
    void shouldHideTheInternalTokenInToString() {
        StackSpec spec = StackSpec.builder(ROOT).internalToken("t0p-secret").build();

        assertThat(StackSecrets.resolve(spec).toString()).doesNotContain("t0p-secret");
    }
}
