package io.aigw.cache.application;

import io.aigw.cache.domain.CachedAnswer;
import io.aigw.cache.domain.ExactKey;
import io.aigw.cache.domain.TenantId;
import java.time.Duration;
import java.util.Optional;

/** Answers stored under the exact key of their request. Failures surface as runtime exceptions. */
public interface ExactAnswerStore {

    Optional<CachedAnswer> find(ExactKey key);

    void save(ExactKey key, CachedAnswer answer, Duration ttl);

    /** Removes every entry of the tenant; returns how many. */
    long removeTenant(TenantId tenant);

    /** Removes the tenant's entries for one model or group; returns how many. */
    long removeModel(TenantId tenant, String model);

    long count(TenantId tenant);

    /** Entries of all tenants, for the {@code aigw_cache_entries} gauge. */
    long countAll();
}
