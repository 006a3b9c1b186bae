package io.aigw.routing.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the route plan: the deployments that qualify for a request, cheapest first. Pure: the same
 * request, candidates and conditions always give the same plan.
 */
public final class RoutePlanner {

    private final TokenCounter tokens;
    private final int defaultOutputTokens;

    /**
     * @param defaultOutputTokens the output assumed for cost when the client sets no {@code max_tokens}
     */
    public RoutePlanner(TokenCounter tokens, int defaultOutputTokens) {
        if (defaultOutputTokens < 1) {
            throw new IllegalArgumentException("default output tokens must be positive, was " + defaultOutputTokens);
        }
        this.tokens = tokens;
        this.defaultOutputTokens = defaultOutputTokens;
    }

    public RoutePlan plan(
            String strategy,
            List<Deployment> deployments,
            ChatRequest request,
            TierRange tiers,
            DeploymentConditions conditions) {
        List<PlannedDeployment> qualifying = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (Deployment deployment : deployments) {
            Model model = deployment.model();
            int prompt = request.prompt().estimateTokens(tokens, Tokenizer.forModel(model.upstreamModel()));
            int output = request.maxTokens().orElse(defaultOutputTokens);
            Rejection rejection = check(deployment, request, prompt, output, tiers, conditions);
            if (rejection != null) {
                rejected.add(rejection);
            } else {
                qualifying.add(new PlannedDeployment(
                        deployment, prompt, output, model.price().cost(prompt, output)));
            }
        }
        qualifying.sort(Comparator.comparing((PlannedDeployment p) ->
                        conditions.degraded(p.deployment().id()))
                .thenComparing(PlannedDeployment::estimatedCost)
                .thenComparing(
                        p -> conditions.observedLatency(p.deployment().id()).orElse(Duration.ZERO)));
        return new RoutePlan(strategy, qualifying, rejected);
    }

    private static Rejection check(
            Deployment deployment,
            ChatRequest request,
            int prompt,
            int output,
            TierRange tiers,
            DeploymentConditions conditions) {
        Model model = deployment.model();
        boolean embeddings = request.needs().contains(Capability.EMBEDDINGS);
        if (!embeddings && model.capabilities().contains(Capability.EMBEDDINGS)) {
            return new Rejection(deployment, Rejection.Reason.MISSING_CAPABILITY, "an embeddings model: no chat");
        }
        Set<Capability> missing = EnumSet.noneOf(Capability.class);
        missing.addAll(request.needs());
        missing.removeAll(model.capabilities());
        if (!missing.isEmpty()) {
            return new Rejection(deployment, Rejection.Reason.MISSING_CAPABILITY, "lacks " + missing);
        }
        // without max_tokens the answer may use whatever room is left, so only the prompt must fit
        long needed = (long) prompt + request.maxTokens().orElse(0);
        if (needed > model.contextWindow()) {
            return new Rejection(
                    deployment,
                    Rejection.Reason.CONTEXT_TOO_SMALL,
                    needed + " tokens needed, context window " + model.contextWindow());
        }
        if (model.tier() < tiers.min() || model.tier() > tiers.max()) {
            return new Rejection(
                    deployment,
                    Rejection.Reason.TIER_OUT_OF_RANGE,
                    "tier " + model.tier() + " outside " + tiers.min() + ".." + tiers.max());
        }
        if (model.tier() > tiers.planMax()) {
            return new Rejection(
                    deployment,
                    Rejection.Reason.TIER_NOT_ALLOWED,
                    "tier " + model.tier() + " above " + tiers.planMax());
        }
        DeploymentId id = deployment.id();
        if (conditions.circuitOpen(id)) {
            return new Rejection(deployment, Rejection.Reason.CIRCUIT_OPEN, "circuit open");
        }
        if (conditions.coolingDown(id)) {
            return new Rejection(deployment, Rejection.Reason.COOLING_DOWN, "provider asked to wait");
        }
        if (!conditions.hasHeadroom(id, prompt + output)) {
            return new Rejection(deployment, Rejection.Reason.NO_HEADROOM, "no RPM/TPM headroom");
        }
        return null;
    }
}
