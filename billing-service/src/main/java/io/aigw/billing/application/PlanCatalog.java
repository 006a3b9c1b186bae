package io.aigw.billing.application;

import io.aigw.billing.domain.Plan;
import java.util.List;
import java.util.Optional;

/** Where plans are kept. Blocking: callers run it off the event loop (see {@link Blocking}). */
public interface PlanCatalog {

    /** Every plan, by name. */
    List<Plan> all();

    Optional<Plan> find(String name);

    /** Replaces an existing plan's limits; false when there is no plan of that name. */
    boolean update(Plan plan);
}
