package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.domain.FailureKind;

/** Anthropic error bodies: {@code {"type":"error","error":{"type","message"}}}. */
final class AnthropicErrors {

    private AnthropicErrors() {}

    static AnthropicWire.ErrorBody invalidRequest(InvalidRequestException e) {
        return body("invalid_request_error", e.getMessage());
    }

    static AnthropicWire.ErrorBody rateLimited(String rejectedBy) {
        return body(
                "rate_limit_error",
                "This request would exceed your organization's rate limit of " + rejectedBy
                        + " per minute. Please retry after the time in the retry-after header.");
    }

    static AnthropicWire.ErrorBody fault(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> rateLimited("requests");
            case SERVER_ERROR -> body("api_error", "Internal server error");
            case UNAVAILABLE -> body("api_error", "Service unavailable");
            case OVERLOADED -> body("overloaded_error", "Overloaded");
            default -> throw new IllegalArgumentException("no error body for " + kind);
        };
    }

    private static AnthropicWire.ErrorBody body(String type, String message) {
        return new AnthropicWire.ErrorBody("error", new AnthropicWire.Error(type, message));
    }
}
