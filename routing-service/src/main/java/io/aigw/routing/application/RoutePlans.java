package io.aigw.routing.application;

import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.ModelCatalog;
import io.aigw.routing.domain.Rejection;
import io.aigw.routing.domain.RoutePlan;
import io.aigw.routing.domain.RoutePlanner;
import io.aigw.routing.domain.RoutingException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns a command into its route plan, or into the error that says why there is none. */
public class RoutePlans {

    private static final Set<Rejection.Reason> CAPACITY =
            EnumSet.of(Rejection.Reason.CIRCUIT_OPEN, Rejection.Reason.COOLING_DOWN, Rejection.Reason.NO_HEADROOM);

    /** When breakers are open and no provider said how long to wait: a short, honest guess. */
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(5);

    private final ModelCatalog catalog;
    private final RoutePlanner planner;
    private final DeploymentHealth health;

    public RoutePlans(ModelCatalog catalog, RoutePlanner planner, DeploymentHealth health) {
        this.catalog = catalog;
        this.planner = planner;
        this.health = health;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public RoutePlan plan(ChatCommand command) {
        String model = command.request().model();
        List<Deployment> deployments = catalog.resolve(model);
        if (deployments.isEmpty()) {
            throw new RoutingException.ModelNotFound(model);
        }
        RoutePlan plan =
                planner.plan(catalog.strategyOf(model), deployments, command.request(), command.tiers(), health);
        if (plan.isEmpty()) {
            throw noRoute(model, plan);
        }
        return plan;
    }

    /**
     * Every candidate was skipped at call time (breakers refusing calls, no RPM/TPM headroom); the
     * client may retry when the first of them frees up.
     */
    RoutingException noCapacity(RoutePlan plan, Optional<Duration> capacityWait) {
        List<Deployment> deployments =
                plan.candidates().stream().map(p -> p.deployment()).toList();
        Optional<Duration> cooldown = health.earliestRetry(deployments);
        Duration retry = Stream.of(cooldown, capacityWait)
                .flatMap(Optional::stream)
                .min(Duration::compareTo)
                .orElse(DEFAULT_RETRY);
        return new RoutingException.NoCapacity("No deployment has capacity right now.", retry);
    }

    private RoutingException noRoute(String model, RoutePlan plan) {
        Set<Rejection.Reason> reasons =
                plan.rejected().stream().map(Rejection::reason).collect(Collectors.toSet());
        String details = plan.rejected().stream()
                .map(r -> r.deployment().model().name() + ": " + r.detail())
                .collect(Collectors.joining("; "));
        if (reasons.stream().anyMatch(CAPACITY::contains)) {
            List<Deployment> waiting = plan.rejected().stream()
                    .filter(r -> CAPACITY.contains(r.reason()))
                    .map(Rejection::deployment)
                    .toList();
            return new RoutingException.NoCapacity(
                    "No deployment of '" + model + "' can take the request now (" + details + ").",
                    health.earliestRetry(waiting).orElse(DEFAULT_RETRY));
        }
        if (reasons.contains(Rejection.Reason.TIER_NOT_ALLOWED)) {
            return new RoutingException.NotAllowed(
                    "'" + model + "' needs a tier your plan does not include (" + details + ").");
        }
        return new RoutingException.InvalidRequest(
                "No deployment of '" + model + "' can serve this request (" + details + ").", null);
    }
}
