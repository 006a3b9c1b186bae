package io.aigw.routing.application;

import io.aigw.routing.domain.CapacityScope;
import io.aigw.routing.domain.Deployment;
import java.time.Duration;
import java.util.List;

/**
 * Capacity held for one call to one deployment, or the refusal to hold it.
 *
 * @param id unique per attempt, so a retry of the same request never settles another's reservation
 * @param estimate the tokens taken: prompt plus the expected output
 * @param local whether this replica's fallback count granted it (the shared store was out of reach)
 */
public record Reservation(
        Deployment deployment,
        List<CapacityScope> scopes,
        String id,
        long estimate,
        boolean granted,
        Duration retryAfter,
        boolean local) {

    static Reservation unlimited(Deployment deployment, String id) {
        return new Reservation(deployment, List.of(), id, 0, true, Duration.ZERO, false);
    }

    boolean isCounted() {
        return granted && !scopes.isEmpty();
    }
}
