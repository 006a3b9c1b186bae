package io.aigw.billing.adapter.out.jpa;

import io.aigw.billing.application.PlanCatalog;
import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.Plan;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;

/** Plans in the {@code plans} table. */
public class JpaPlanCatalog implements PlanCatalog {

    private final PlanRepository repository;
    private final Clock clock;

    public JpaPlanCatalog(PlanRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public List<Plan> all() {
        return repository.findAll(Sort.by("name")).stream()
                .map(PlanEntity::toDomain)
                .toList();
    }

    @Override
    public Optional<Plan> find(String name) {
        return repository.findById(name).map(PlanEntity::toDomain);
    }

    @Override
    public void add(Plan plan) {
        try {
            repository.saveAndFlush(PlanEntity.of(plan, clock.instant()).asNew());
        } catch (DataIntegrityViolationException e) {
            // the primary key is the guard: two concurrent creates cannot both win
            throw new BillingException.Conflict("plan '" + plan.name() + "' exists");
        }
    }

    @Override
    @Transactional
    public boolean update(Plan plan) {
        Optional<PlanEntity> entity = repository.findById(plan.name());
        entity.ifPresent(e -> e.apply(plan, clock.instant()));
        return entity.isPresent();
    }
}
