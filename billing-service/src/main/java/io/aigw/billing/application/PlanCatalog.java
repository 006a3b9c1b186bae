package io.aigw.billing.application;

import io.aigw.billing.domain.Plan;
import java.util.List;
import java.util.Optional;

/** Where plans are kept. Blocking: callers run it off the event loop (see {@link Blocking}). */
public interface PlanCatalog {

    /** Every plan, by name. */
    List<Plan> all();

    Optional<Plan> find(String name);

    /**
     * Adds a new plan.
     *
     * @throws io.aigw.billing.domain.BillingException.Conflict when a plan of that name exists
     */
    void add(Plan plan);

    /** Replaces an existing plan's limits; false when there is no plan of that name. */
    boolean update(Plan plan);
}
