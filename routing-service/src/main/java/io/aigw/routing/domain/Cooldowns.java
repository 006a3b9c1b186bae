package io.aigw.routing.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Deployments a provider asked us to leave alone for a while ({@code retry-after}, rate-limit
 * resets). Local to this replica: the limits issue shares provider signals through Redis.
 */
public final class Cooldowns {

    private final Clock clock;
    private final ConcurrentMap<DeploymentId, Instant> until = new ConcurrentHashMap<>();

    public Cooldowns(Clock clock) {
        this.clock = clock;
    }

    /** Parks a deployment; a later, longer wait extends it, a shorter one does not shorten it. */
    public void coolDown(DeploymentId id, Duration wait) {
        Instant end = clock.instant().plus(wait);
        until.merge(id, end, (a, b) -> a.isAfter(b) ? a : b);
    }

    public boolean isCooling(DeploymentId id) {
        Instant end = until.get(id);
        if (end == null) {
            return false;
        }
        if (!clock.instant().isBefore(end)) {
            until.remove(id, end);
            return false;
        }
        return true;
    }

    /** When the deployment may be tried again, if it is cooling down. */
    public Optional<Instant> endOf(DeploymentId id) {
        return isCooling(id) ? Optional.ofNullable(until.get(id)) : Optional.empty();
    }
}
