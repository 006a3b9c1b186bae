package io.aigw.billing.application;

import io.aigw.billing.domain.GatewayKey;
import java.util.List;
import java.util.Optional;

/**
 * Where gateway keys are kept: their hashes, never the keys. Blocking: callers run it off the event
 * loop (see {@link Blocking}).
 */
public interface KeyStore {

    /** Adds a new key; a key with the same hash already stored is a {@code Conflict}. */
    void add(GatewayKey key);

    Optional<GatewayKey> findByHash(String hash);

    Optional<GatewayKey> findById(String id);

    /** The tenant's keys, oldest first. */
    List<GatewayKey> ofTenant(String tenantId);

    /** Stores the changed key, which exists. */
    void update(GatewayKey key);
}
