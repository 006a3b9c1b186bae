package io.aigw.routing.domain;

/** A model served by a provider: what a route plan is made of. */
public record Deployment(Model model, Provider provider) {

    public DeploymentId id() {
        return DeploymentId.of(this);
    }
}
