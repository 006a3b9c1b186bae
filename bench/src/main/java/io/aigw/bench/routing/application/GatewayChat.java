package io.aigw.bench.routing.application;

import io.aigw.bench.routing.domain.Reply;

/** Sends one chat completion to the gateway, as a client application would. */
public interface GatewayChat {

    /**
     * One non-streamed chat completion with a single user message.
     *
     * @return the answer, or a failed reply; never throws for an HTTP or connection error
     */
    Reply complete(String model, String userMessage, int maxTokens);
}
