package io.aigw.scaler.application;

import io.aigw.scaler.domain.Autoscaler;
import io.aigw.scaler.domain.MetricProposal;
import io.aigw.scaler.domain.Observation;
import io.aigw.scaler.domain.ReplicaDecision;
import io.aigw.scaler.domain.Rule;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the control loop: per workload read the scale, observe the signals, let the
 * {@link Autoscaler} decide, write only a difference (only when leading and not in dry-run), and
 * record every decision; then one pass of the tier policy. A failing dependency holds the workload,
 * records the error and backs off (bounded); a write conflict re-reads and decides again, never
 * retrying a stale value.
 */
public final class ControlLoop {

    static final int CONFLICT_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(ControlLoop.class);

    private final Autoscaler autoscaler;
    private final WorkloadScaler scaler;
    private final WorkloadSignals signals;
    private final Leadership leadership;
    private final DecisionLog decisions;
    private final ScalerMetrics metrics;
    private final Clock clock;
    private final Backoff backoff;
    private final Optional<PolicyLoop> policy;

    public ControlLoop(
            Autoscaler autoscaler,
            WorkloadScaler scaler,
            WorkloadSignals signals,
            Leadership leadership,
            DecisionLog decisions,
            ScalerMetrics metrics,
            Clock clock,
            Duration interval,
            Duration maxBackoff,
            Optional<PolicyLoop> policy) {
        this.autoscaler = autoscaler;
        this.scaler = scaler;
        this.signals = signals;
        this.leadership = leadership;
        this.decisions = decisions;
        this.metrics = metrics;
        this.clock = clock;
        this.backoff = new Backoff(interval, maxBackoff);
        this.policy = policy;
    }

    /** One pass over every workload and the policy; never throws. */
    public void tick() {
        for (String workload : autoscaler.workloads()) {
            if (backoff.waiting(workload, clock.instant())) {
                continue;
            }
            try {
                reconcile(workload);
                backoff.succeeded(workload);
            } catch (ScalerException e) {
                backoff.failed(workload, clock.instant());
                metrics.error("workload");
                metrics.decision(workload, Rule.ERROR.label());
                log.warn("scaler: {}: holding, {}", workload, e.getMessage());
                record(new DecisionRecord(
                        clock.instant(), workload, Rule.ERROR.label(), -1, -1, false, "", e.getMessage()));
            } catch (RuntimeException e) {
                backoff.failed(workload, clock.instant());
                metrics.error("workload");
                log.error("scaler: {}: unexpected failure, holding", workload, e);
            }
        }
        policy.ifPresent(PolicyLoop::tick);
    }

    void reconcile(String workload) throws ScalerException {
        for (int attempt = 1; ; attempt++) {
            ScaleState state = scaler.read(workload);
            if (state.managedBy().isPresent()) {
                String message = "left alone: " + state.managedBy().get() + " targets it";
                log.info("scaler: {}: {}", workload, message);
                metrics.decision(workload, Rule.MANAGED_ELSEWHERE.label());
                record(new DecisionRecord(
                        clock.instant(),
                        workload,
                        Rule.MANAGED_ELSEWHERE.label(),
                        state.replicas(),
                        state.replicas(),
                        false,
                        "",
                        message));
                return;
            }
            WorkloadSignals.Observed observed = signals.observe(workload, state.pods());
            ReplicaDecision decision = autoscaler.decide(new Observation(
                    workload, state.replicas(), state.pods(), observed.readings(), observed.totalRequestRate()));
            boolean act = decision.changes() && scaler.acts() && leadership.leading();
            if (act) {
                try {
                    scaler.scale(state, decision.desiredReplicas());
                    autoscaler.scaled(workload, state.replicas(), decision.desiredReplicas());
                } catch (ScalerException.Conflict conflict) {
                    log.info("scaler: {}: conflict on write (attempt {}), re-reading", workload, attempt);
                    if (attempt >= CONFLICT_ATTEMPTS) {
                        throw conflict;
                    }
                    continue;
                }
            }
            metrics.replicas(workload, state.replicas(), decision.desiredReplicas());
            metrics.decision(workload, decision.rule().label());
            String suffix = act
                    ? ""
                    : decision.changes()
                            ? (scaler.acts() ? " (not leading: " + leadership.leader() + " leads)" : " (dry-run)")
                            : "";
            if (decision.changes()) {
                log.info("scaler: {}: {} {}{}", workload, decision.rule().label(), decision.message(), suffix);
            }
            record(new DecisionRecord(
                    decision.at(),
                    workload,
                    decision.rule().label(),
                    decision.currentReplicas(),
                    decision.desiredReplicas(),
                    act,
                    inputs(decision),
                    decision.message() + suffix));
            return;
        }
    }

    private void record(DecisionRecord record) {
        try {
            decisions.record(record);
        } catch (RuntimeException e) {
            metrics.error("decision_log");
            log.warn("scaler: could not record a decision: {}", e.getMessage());
        }
    }

    static String inputs(ReplicaDecision decision) {
        String proposals =
                decision.proposals().stream().map(ControlLoop::proposal).collect(Collectors.joining("; "));
        return proposals + (decision.floor() > 0 ? "; forecast floor=" + decision.floor() : "");
    }

    private static String proposal(MetricProposal p) {
        return p.signal().label() + " usage="
                + (Double.isNaN(p.usage()) ? "missing" : String.format(java.util.Locale.ROOT, "%.4g", p.usage()))
                + " target=" + p.target() + " replicas=" + (p.valid() ? String.valueOf(p.replicas()) : "-") + " ("
                + p.note() + ")";
    }
}
