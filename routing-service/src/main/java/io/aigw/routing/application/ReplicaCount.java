package io.aigw.routing.application;

/** How many routing replicas share the provider limits, as last seen. */
@FunctionalInterface
public interface ReplicaCount {

    /** At least 1. */
    int known();

    ReplicaCount ONE = () -> 1;
}
