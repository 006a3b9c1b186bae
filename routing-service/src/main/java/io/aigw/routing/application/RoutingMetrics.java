package io.aigw.routing.application;

import io.aigw.routing.domain.CapacityScope;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.EscalationReason;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** What routing reports about its work, for operators' dashboards. */
public interface RoutingMetrics {

    /** One call to a provider: {@code outcome} is {@code success}, {@code client_error}, {@code upstream_error} or {@code timeout}. */
    void attempt(Deployment deployment, String outcome, Duration duration);

    void timeToFirstToken(Deployment deployment, Duration ttft);

    /** A failed attempt that moved on to the next deployment of the plan. */
    void fallback(Deployment from, String reason);

    /** A cascade answer that failed a gate and went up a tier. */
    void escalation(String group, Deployment from, EscalationReason reason);

    /** A finished client request, successful or not. */
    void finished(FinishedRequest request);

    /**
     * A provider capacity reservation: {@code outcome} is {@code granted} or {@code refused}; {@code
     * local} when this replica's fallback count decided.
     */
    void reservation(Deployment deployment, String outcome, boolean local);

    /** Real tokens minus the reserved estimate of one settled call. */
    void settleDelta(Deployment deployment, long delta);

    /**
     * What is left of a provider scope's limits in the current minute, as last seen; -1 for a kind of
     * limit the scope does not have.
     */
    void headroom(CapacityScope scope, long requests, long tokens);

    /** Whether provider limits are counted locally because the shared store failed. */
    void capacityFallback(BooleanSupplier active);

    /** Metrics that go nowhere, for tests. */
    RoutingMetrics NONE = new RoutingMetrics() {
        @Override
        public void attempt(Deployment deployment, String outcome, Duration duration) {}

        @Override
        public void timeToFirstToken(Deployment deployment, Duration ttft) {}

        @Override
        public void fallback(Deployment from, String reason) {}

        @Override
        public void escalation(String group, Deployment from, EscalationReason reason) {}

        @Override
        public void finished(FinishedRequest request) {}

        @Override
        public void reservation(Deployment deployment, String outcome, boolean local) {}

        @Override
        public void settleDelta(Deployment deployment, long delta) {}

        @Override
        public void capacityFallback(BooleanSupplier active) {}

        @Override
        public void headroom(CapacityScope scope, long requests, long tokens) {}
    };
}
