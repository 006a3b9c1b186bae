package io.aigw.billing.adapter.out.jpa;

import io.aigw.billing.application.TenantDirectory;
import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.Tenant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;

/** Tenants in the {@code tenants} table. */
public class JpaTenantDirectory implements TenantDirectory {

    private final TenantRepository repository;

    public JpaTenantDirectory(TenantRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Tenant> all() {
        return repository.findAll(Sort.by("id")).stream()
                .map(TenantEntity::toDomain)
                .toList();
    }

    @Override
    public Optional<Tenant> find(String id) {
        return repository.findById(id).map(TenantEntity::toDomain);
    }

    @Override
    public void add(Tenant tenant) {
        try {
            repository.saveAndFlush(TenantEntity.of(tenant).asNew());
        } catch (DataIntegrityViolationException e) {
            // the primary key is the guard: two concurrent creates cannot both win
            throw new BillingException.Conflict("tenant '" + tenant.id() + "' exists");
        }
    }

    @Override
    @Transactional
    public void update(Tenant tenant) {
        repository.findById(tenant.id()).orElseThrow().apply(tenant);
    }

    @Override
    public List<String> onPlan(String plan) {
        return repository.idsOnPlan(plan);
    }
}
