package io.aigw.scaler.application;

import io.aigw.api.policy.RoutingPolicy;
import io.aigw.scaler.domain.policy.PolicyInputs;
import io.aigw.scaler.domain.policy.PolicyState;
import io.aigw.scaler.domain.policy.TierPolicy;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tier-policy half of the loop: observe, step the rules, and publish a new version when the
 * rules' output changed (and once at start, so a restarted scaler reconciles what routing holds).
 * Only the leader publishes; a failed publish is retried next interval.
 */
public final class PolicyLoop {

    private static final Logger log = LoggerFactory.getLogger(PolicyLoop.class);

    private final TierPolicy policy;
    private final PolicySignals signals;
    private final PolicyPublisher publisher;
    private final Leadership leadership;
    private final DecisionLog decisions;
    private final ScalerMetrics metrics;
    private final Clock clock;
    private PolicyState state = PolicyState.initial();
    private boolean pending = true;

    public PolicyLoop(
            TierPolicy policy,
            PolicySignals signals,
            PolicyPublisher publisher,
            Leadership leadership,
            DecisionLog decisions,
            ScalerMetrics metrics,
            Clock clock) {
        this.policy = policy;
        this.signals = signals;
        this.publisher = publisher;
        this.leadership = leadership;
        this.decisions = decisions;
        this.metrics = metrics;
        this.clock = clock;
    }

    public synchronized void tick() {
        PolicyInputs inputs;
        try {
            inputs = signals.observe();
        } catch (RuntimeException e) {
            metrics.error("policy_signals");
            log.warn("scaler: policy signals failed, holding: {}", e.getMessage());
            return;
        }
        TierPolicy.Step step = policy.next(state, inputs);
        state = step.state();
        pending |= step.changed();
        if (!pending || !leadership.leading()) {
            return;
        }
        TierPolicy.View view = step.view();
        try {
            long version = publisher.currentVersion() + 1;
            RoutingPolicy routing = new RoutingPolicy(
                    version,
                    clock.instant(),
                    view.maxTier(),
                    view.maxTierByPlan(),
                    Map.of(),
                    view.degradedProviders(),
                    view.reason().isEmpty() ? "scaler start: current rules" : view.reason());
            if (publisher.publish(routing)) {
                pending = false;
                metrics.policyVersion(version);
                metrics.decision("policy", "published");
                log.info("scaler: routing policy v{}: {}", version, routing.reason());
                decisions.record(new DecisionRecord(
                        clock.instant(),
                        "policy",
                        "published",
                        0,
                        0,
                        true,
                        "max_tier=" + view.maxTier() + " by_plan=" + view.maxTierByPlan() + " degraded="
                                + view.degradedProviders(),
                        "v" + version + ": " + routing.reason()));
            }
        } catch (ScalerException | RuntimeException e) {
            metrics.error("policy_publish");
            log.warn("scaler: policy publish failed, retrying next interval: {}", e.getMessage());
        }
    }
}
