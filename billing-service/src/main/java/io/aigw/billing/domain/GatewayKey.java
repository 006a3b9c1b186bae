package io.aigw.billing.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A gateway key as stored: never the key itself, only its SHA-256 and a short visible prefix.
 *
 * @param id non-secret id, sent downstream as {@code x-aigw-key-id}
 * @param tenantId the tenant the key acts for
 * @param name what the key is for, for people
 * @param prefix the first characters of the key, for people to tell keys apart
 * @param hash lower-case hex SHA-256 of the whole key
 * @param createdAt when the key was made
 * @param expiresAt after this instant the key no longer resolves
 * @param revokedAt when the key was revoked
 */
public record GatewayKey(
        String id,
        String tenantId,
        String name,
        String prefix,
        String hash,
        Instant createdAt,
        Optional<Instant> expiresAt,
        Optional<Instant> revokedAt) {

    /** Normalises absent optionals and checks the name. */
    public GatewayKey {
        expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new BillingException.InvalidInput("name", "key name must be 1-200 characters");
        }
    }

    /** Usable now: neither revoked nor expired. */
    public boolean isActive(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    /** The revoked key; revoking twice keeps the first instant. */
    public GatewayKey revoke(Instant at) {
        return revokedAt.isPresent()
                ? this
                : new GatewayKey(id, tenantId, name, prefix, hash, createdAt, expiresAt, Optional.of(at));
    }
}
