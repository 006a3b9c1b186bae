package io.aigw.scaler.application;

import io.aigw.api.policy.RoutingPolicy;

/** Makes a routing policy current for every routing replica. */
public interface PolicyPublisher {

    /** The version currently published, 0 when none. */
    long currentVersion() throws ScalerException;

    /** Publishes the policy if its version is higher than the current one; returns whether it did. */
    boolean publish(RoutingPolicy policy) throws ScalerException;
}
