package io.aigw.billing.application;

import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.Tenant;
import java.util.List;
import java.util.Optional;

/** Where tenants are kept. Blocking: callers run it off the event loop (see {@link Blocking}). */
public interface TenantDirectory {

    /** Every tenant, by id. */
    List<Tenant> all();

    Optional<Tenant> find(String id);

    /**
     * Adds a new tenant.
     *
     * @throws BillingException.Conflict when a tenant with that id exists
     */
    void add(Tenant tenant);

    /** Stores the changed tenant, which exists. */
    void update(Tenant tenant);

    /** The ids of the tenants on that plan. */
    List<String> onPlan(String plan);
}
