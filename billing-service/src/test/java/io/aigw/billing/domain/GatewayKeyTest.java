package io.aigw.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayKeyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-15T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldBeActiveWhenNeitherRevokedNorExpired() {
        assertThat(key(Optional.empty()).isActive(clock.instant())).isTrue();
        assertThat(key(Optional.of(clock.instant().plusSeconds(1))).isActive(clock.instant()))
                .isTrue();
    }

    @Test
    void shouldBeInactiveWhenExpired() {
        assertThat(key(Optional.of(clock.instant())).isActive(clock.instant())).isFalse();
    }

    @Test
    void shouldKeepTheFirstInstantWhenRevokedTwice() {
        GatewayKey revoked = key(Optional.empty()).revoke(clock.instant());

        GatewayKey again = revoked.revoke(clock.instant().plus(Duration.ofHours(1)));

        assertThat(again).isSameAs(revoked);
        assertThat(again.revokedAt()).contains(clock.instant());
        assertThat(again.isActive(clock.instant())).isFalse();
    }

    private GatewayKey key(Optional<Instant> expiresAt) {
        return new GatewayKey(
                "key_1", "acme", "ci", "aigw-12345678", "0".repeat(64), clock.instant(), expiresAt, Optional.empty());
    }
}
