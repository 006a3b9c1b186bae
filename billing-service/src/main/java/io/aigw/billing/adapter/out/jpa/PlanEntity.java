package io.aigw.billing.adapter.out.jpa;

import io.aigw.billing.domain.Plan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "plans")
class PlanEntity extends NewAware {

    @Id
    private String name;

    @Column(name = "requests_per_day")
    private Long requestsPerDay;

    @Column(name = "tokens_per_day")
    private Long tokensPerDay;

    @Column(name = "requests_per_minute")
    private Long requestsPerMinute;

    @Column(name = "tokens_per_minute")
    private Long tokensPerMinute;

    @Column(name = "max_tier", nullable = false)
    private int maxTier;

    @Column(name = "allowed_models", nullable = false, length = 2000)
    private String allowedModels;

    @Column(name = "monthly_budget_usd", precision = 20, scale = 6)
    private BigDecimal monthlyBudgetUsd;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PlanEntity() {}

    @Override
    public String getId() {
        return name;
    }

    static PlanEntity of(Plan plan, Instant at) {
        PlanEntity entity = new PlanEntity();
        entity.apply(plan, at);
        return entity;
    }

    void apply(Plan plan, Instant at) {
        name = plan.name();
        requestsPerDay = plan.requestsPerDay().orElse(null);
        tokensPerDay = plan.tokensPerDay().orElse(null);
        requestsPerMinute = plan.requestsPerMinute().orElse(null);
        tokensPerMinute = plan.tokensPerMinute().orElse(null);
        maxTier = plan.maxTier();
        allowedModels = String.join(",", plan.allowedModels());
        monthlyBudgetUsd = plan.monthlyBudgetUsd().orElse(null);
        updatedAt = at;
    }

    Plan toDomain() {
        List<String> models = allowedModels.isEmpty() ? List.of() : Arrays.asList(allowedModels.split(","));
        return new Plan(
                name,
                Optional.ofNullable(requestsPerDay),
                Optional.ofNullable(tokensPerDay),
                Optional.ofNullable(requestsPerMinute),
                Optional.ofNullable(tokensPerMinute),
                maxTier,
                models,
                // the column's scale pads the value (5 → 5.000000); strip it so it reads as it was set
                Optional.ofNullable(monthlyBudgetUsd).map(PlanEntity::plain));
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
