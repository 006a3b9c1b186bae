package io.aigw.routing.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * What routing currently knows about each deployment's health and capacity. The planner asks; the
 * application layer answers from breakers, cooldowns, reservations and latency statistics.
 */
public interface DeploymentConditions {

    boolean circuitOpen(DeploymentId id);

    boolean coolingDown(DeploymentId id);

    /**
     * Whether the provider has RPM/TPM room for this many tokens, as far as is known when planning.
     * The exact answer comes at call time, from the atomic reservation in Redis (ADR 0007): a
     * deployment without room is skipped then, like an open breaker.
     */
    default boolean hasHeadroom(DeploymentId id, int tokens) {
        return true;
    }

    /**
     * A deployment whose provider the routing policy marks degraded: it still qualifies, but is
     * planned after every healthy one.
     */
    default boolean degraded(DeploymentId id) {
        return false;
    }

    /** The observed latency, used only to break ties in cost; empty when nothing was observed. */
    Optional<Duration> observedLatency(DeploymentId id);

    /** Conditions with nothing known: every deployment healthy and unmeasured. */
    DeploymentConditions NONE = new DeploymentConditions() {
        @Override
        public boolean circuitOpen(DeploymentId id) {
            return false;
        }

        @Override
        public boolean coolingDown(DeploymentId id) {
            return false;
        }

        @Override
        public Optional<Duration> observedLatency(DeploymentId id) {
            return Optional.empty();
        }
    };
}
