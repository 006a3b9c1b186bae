package io.aigw.bench.routing.application;

import io.aigw.bench.routing.domain.TracedReply;

/** The gateway as the learned benchmark uses it: answers with their route headers, and feedback. */
public interface LearningGateway {

    /** One non-streamed chat completion with a single user message; never throws for HTTP errors. */
    TracedReply traced(String model, String userMessage, int maxTokens);

    /** {@code POST /v1/feedback}; the HTTP status, or 0 when the gateway could not be reached. */
    int feedback(String requestId, double score);
}
