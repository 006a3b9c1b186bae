package io.aigw.billing.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aigw.billing.application.CreatedKey;
import io.aigw.billing.domain.GatewayKey;
import java.time.Instant;

/** Gateway key bodies of the admin API. */
final class KeyViews {

    private KeyViews() {}

    /**
     * @param name what the key is for
     * @param expiresAt when it stops working (ISO-8601 instant); absent for never
     */
    record CreateKey(@JsonProperty("name") String name, @JsonProperty("expires_at") Instant expiresAt) {}

    /** A stored key: never the secret, never the hash. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record KeyView(
            @JsonProperty("id") String id,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("name") String name,
            @JsonProperty("prefix") String prefix,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("expires_at") Instant expiresAt,
            @JsonProperty("revoked_at") Instant revokedAt) {

        static KeyView of(GatewayKey key) {
            return new KeyView(
                    key.id(),
                    key.tenantId(),
                    key.name(),
                    key.prefix(),
                    key.createdAt(),
                    key.expiresAt().orElse(null),
                    key.revokedAt().orElse(null));
        }
    }

    /** A new key with its secret, shown this once. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CreatedKeyView(
            @JsonProperty("id") String id,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("name") String name,
            @JsonProperty("prefix") String prefix,
            @JsonProperty("key") String key,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("expires_at") Instant expiresAt) {

        static CreatedKeyView of(CreatedKey created) {
            GatewayKey key = created.key();
            return new CreatedKeyView(
                    key.id(),
                    key.tenantId(),
                    key.name(),
                    key.prefix(),
                    created.secret(),
                    key.createdAt(),
                    key.expiresAt().orElse(null));
        }

        @Override
        public String toString() {
            return "CreatedKeyView[id=" + id + ", key=****]";
        }
    }
}
