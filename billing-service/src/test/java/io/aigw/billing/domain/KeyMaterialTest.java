package io.aigw.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    private final KeyMaterial material = new KeyMaterial(new SecureRandom());

    @Test
    void shouldCarryTwoHundredFiftySixRandomBitsWhenAKeyIsMade() {
        String key = material.newKey();

        assertThat(key).matches("aigw-[0-9a-f]{8}-[0-9a-f]{64}");
        assertThat(material.newKey()).isNotEqualTo(key);
    }

    @Test
    void shouldShowOnlyTheSchemeAndPrefixWhenTheKeyIsGenerated() {
        String key = material.newKey();

        assertThat(KeyMaterial.visiblePrefix(key)).isEqualTo(key.substring(0, 13));
    }

    @Test
    void shouldShowAtMostAQuarterWhenTheKeyWasMadeElsewhere() {
        assertThat(KeyMaterial.visiblePrefix("aigw-demo-0123456789abcdef0123456789abcdef"))
                .isEqualTo("aigw-demo-");
        assertThat(KeyMaterial.visiblePrefix("short")).isEqualTo("s");
    }

    @Test
    void shouldHashToTheKnownSha256WhenHashing() {
        assertThat(KeyMaterial.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(KeyMaterial.isHash(KeyMaterial.hash("abc"))).isTrue();
        assertThat(KeyMaterial.isHash("ABC")).isFalse();
    }
}
