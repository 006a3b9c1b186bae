package io.aigw.billing.adapter.out.jpa;

import io.aigw.billing.domain.Tenant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "tenants")
class TenantEntity extends NewAware {

    @Id
    private String id;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "plan", nullable = false, length = 32)
    private String plan;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TenantEntity() {}

    static TenantEntity of(Tenant tenant) {
        TenantEntity entity = new TenantEntity();
        entity.apply(tenant);
        return entity;
    }

    @Override
    public String getId() {
        return id;
    }

    void apply(Tenant tenant) {
        id = tenant.id();
        displayName = tenant.displayName();
        plan = tenant.plan();
        createdAt = tenant.createdAt();
        updatedAt = tenant.updatedAt();
    }

    Tenant toDomain() {
        return new Tenant(id, displayName, plan, createdAt, updatedAt);
    }
}
