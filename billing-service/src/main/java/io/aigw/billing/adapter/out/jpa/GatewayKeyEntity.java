package io.aigw.billing.adapter.out.jpa;

import io.aigw.billing.domain.GatewayKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "gateway_keys")
class GatewayKeyEntity extends NewAware {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "prefix", nullable = false, length = 16)
    private String prefix;

    @Column(name = "key_hash", nullable = false, length = 64, unique = true)
    private String keyHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected GatewayKeyEntity() {}

    static GatewayKeyEntity of(GatewayKey key) {
        GatewayKeyEntity entity = new GatewayKeyEntity();
        entity.apply(key);
        return entity;
    }

    @Override
    public String getId() {
        return id;
    }

    void apply(GatewayKey key) {
        id = key.id();
        tenantId = key.tenantId();
        name = key.name();
        prefix = key.prefix();
        keyHash = key.hash();
        createdAt = key.createdAt();
        expiresAt = key.expiresAt().orElse(null);
        revokedAt = key.revokedAt().orElse(null);
    }

    GatewayKey toDomain() {
        return new GatewayKey(
                id,
                tenantId,
                name,
                prefix,
                keyHash,
                createdAt,
                Optional.ofNullable(expiresAt),
                Optional.ofNullable(revokedAt));
    }
}
