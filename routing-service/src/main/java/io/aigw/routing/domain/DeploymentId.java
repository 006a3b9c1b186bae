package io.aigw.routing.domain;

/** The identity of a deployment in breakers, cooldowns, latency statistics and metrics. */
public record DeploymentId(String provider, String model) {

    public static DeploymentId of(Deployment deployment) {
        return new DeploymentId(deployment.provider().id(), deployment.model().name());
    }

    @Override
    public String toString() {
        return provider + "/" + model;
    }
}
