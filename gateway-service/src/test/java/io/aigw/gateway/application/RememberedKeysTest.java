package io.aigw.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.gateway.application.RememberedKeys.Resolution;
import io.aigw.gateway.domain.KeyOwner;
import io.aigw.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RememberedKeysTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Resolution ACME = new Resolution(new KeyOwner("acme", "key_1"));

    private final MutableClock clock = new MutableClock(NOW);

    private RememberedKeys keys(Duration ttl, int max) {
        return new RememberedKeys(ttl, max, clock);
    }

    private void advance(Duration by) {
        clock.advance(by);
    }

    @Test
    void shouldRecallAResolutionUntilItsTtlEnds() {
        RememberedKeys keys = keys(Duration.ofSeconds(5), 10);
        keys.remember("h1", ACME, Optional.empty());
        keys.remember("h2", Resolution.REFUSED, Optional.empty());

        advance(Duration.ofMillis(4_999));
        assertThat(keys.recall("h1")).contains(ACME);
        assertThat(keys.recall("h2"))
                .hasValueSatisfying(r -> assertThat(r.refused()).isTrue());

        advance(Duration.ofMillis(1));
        assertThat(keys.recall("h1")).isEmpty();
        assertThat(keys.size()).as("an expired entry is dropped when met").isEqualTo(1);
    }

    @Test
    void shouldNeverRememberAKeyPastItsOwnExpiry() {
        RememberedKeys keys = keys(Duration.ofSeconds(5), 10);
        keys.remember("h1", ACME, Optional.of(NOW.plusSeconds(2)));

        advance(Duration.ofSeconds(2));

        assertThat(keys.recall("h1")).isEmpty();
    }

    @Test
    void shouldForgetOneKeyOrAllOnNotice() {
        RememberedKeys keys = keys(Duration.ofSeconds(5), 10);
        keys.remember("h1", ACME, Optional.empty());
        keys.remember("h2", ACME, Optional.empty());

        keys.forget("h1");
        assertThat(keys.recall("h1")).isEmpty();
        assertThat(keys.recall("h2")).contains(ACME);

        keys.forgetAll();
        assertThat(keys.recall("h2")).isEmpty();
    }

    @Test
    void shouldStayBoundedWhenFloodedWithKeys() {
        RememberedKeys keys = keys(Duration.ofSeconds(5), 3);
        for (int i = 0; i < 100; i++) {
            keys.remember("made-up-" + i, Resolution.REFUSED, Optional.empty());
        }

        assertThat(keys.size()).isLessThanOrEqualTo(3);
        assertThat(keys.recall("made-up-99")).isPresent();
    }

    @Test
    void shouldRememberNothingWithAZeroTtl() {
        RememberedKeys keys = keys(Duration.ZERO, 10);
        keys.remember("h1", ACME, Optional.empty());

        assertThat(keys.recall("h1")).isEmpty();
    }
}
