package io.aigw.gateway.application;

/** How many gateway replicas share the tenant limits, as last seen. */
@FunctionalInterface
public interface ReplicaCount {

    /** At least 1. */
    int known();
}
