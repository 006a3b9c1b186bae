package io.aigw.routing.application;

import io.aigw.routing.domain.Deployment;
import java.time.Duration;

/**
 * What a provider says about its own limits on a successful answer: that the request or token
 * budget is used up until its reset. Routing then stops sending there (on every replica) instead of
 * waiting for the 429.
 */
@FunctionalInterface
public interface ProviderSignals {

    void exhausted(Deployment deployment, Duration resetIn);

    ProviderSignals NONE = (deployment, resetIn) -> {};
}
