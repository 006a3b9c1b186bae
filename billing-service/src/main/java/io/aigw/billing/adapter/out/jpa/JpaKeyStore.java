package io.aigw.billing.adapter.out.jpa;

import io.aigw.billing.application.KeyStore;
import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.GatewayKey;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Transactional;

/** Gateway keys (hashes only) in the {@code gateway_keys} table. */
public class JpaKeyStore implements KeyStore {

    private final GatewayKeyRepository repository;

    public JpaKeyStore(GatewayKeyRepository repository) {
        this.repository = repository;
    }

    @Override
    public void add(GatewayKey key) {
        try {
            repository.saveAndFlush(GatewayKeyEntity.of(key).asNew());
        } catch (DataIntegrityViolationException e) {
            // never name the hash: it identifies a key
            throw new BillingException.Conflict("a key with that id or secret exists");
        }
    }

    @Override
    public Optional<GatewayKey> findByHash(String hash) {
        return repository.findByKeyHash(hash).map(GatewayKeyEntity::toDomain);
    }

    @Override
    public Optional<GatewayKey> findById(String id) {
        return repository.findById(id).map(GatewayKeyEntity::toDomain);
    }

    @Override
    public List<GatewayKey> ofTenant(String tenantId) {
        return repository.findByTenantIdOrderByCreatedAtAscIdAsc(tenantId).stream()
                .map(GatewayKeyEntity::toDomain)
                .toList();
    }

    @Override
    @Transactional
    public void update(GatewayKey key) {
        repository.findById(key.id()).orElseThrow().apply(key);
    }
}
