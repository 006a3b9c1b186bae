package io.aigw.cache.eval;

import io.aigw.cache.application.ExactAnswerStore;
import io.aigw.cache.domain.CachedAnswer;
import io.aigw.cache.domain.ExactKey;
import io.aigw.cache.domain.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An exact store in a map, for the evaluation: its pairs never repeat a prompt exactly anyway. */
final class MapExactAnswerStore implements ExactAnswerStore {

    private final Map<ExactKey, CachedAnswer> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<CachedAnswer> find(ExactKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void save(ExactKey key, CachedAnswer answer, Duration ttl) {
        entries.put(key, answer);
    }

    @Override
    public long removeTenant(TenantId tenant) {
        return remove(key -> key.tenant().equals(tenant));
    }

    @Override
    public long removeModel(TenantId tenant, String model) {
        return remove(key -> key.tenant().equals(tenant) && key.model().equals(model));
    }

    @Override
    public long count(TenantId tenant) {
        return entries.keySet().stream().filter(k -> k.tenant().equals(tenant)).count();
    }

    @Override
    public long countAll() {
        return entries.size();
    }

    private long remove(java.util.function.Predicate<ExactKey> doomed) {
        long before = entries.size();
        entries.keySet().removeIf(doomed);
        return before - entries.size();
    }
}
