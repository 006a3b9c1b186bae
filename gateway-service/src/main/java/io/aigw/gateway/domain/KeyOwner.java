package io.aigw.gateway.domain;

/**
 * Who a gateway key belongs to.
 *
 * @param tenantId the tenant every downstream decision is scoped to
 * @param keyId a stable, non-secret id of the key (for usage records and logs)
 */
public record KeyOwner(String tenantId, String keyId) {

    public KeyOwner {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("key id must not be blank");
        }
    }
}
