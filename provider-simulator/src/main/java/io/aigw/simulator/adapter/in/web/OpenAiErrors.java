package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.domain.FailureKind;
import io.aigw.simulator.domain.LimitDecision;

/** OpenAI error bodies: {@code {"error":{"message","type","param","code"}}}, worded as OpenAI words them. */
final class OpenAiErrors {

    private OpenAiErrors() {}

    static OpenAiWire.ErrorBody invalidRequest(InvalidRequestException e) {
        return body(e.getMessage(), "invalid_request_error", e.param(), null);
    }

    static OpenAiWire.ErrorBody rateLimited(String model, LimitDecision decision) {
        String per = "tokens".equals(decision.rejectedBy()) ? "tokens per min (TPM)" : "requests per min (RPM)";
        long limit = "tokens".equals(decision.rejectedBy())
                ? decision.limits().tpm()
                : decision.limits().rpm();
        String message = "Rate limit reached for " + model + " on " + per + ": Limit " + limit
                + ". Please try again in " + RateLimitHeaders.openAiDuration(decision.retryAfter()) + ".";
        return body(message, decision.rejectedBy(), null, "rate_limit_exceeded");
    }

    static OpenAiWire.ErrorBody fault(FailureKind kind) {
        return switch (kind) {
            case SERVER_ERROR -> body(
                    "The server had an error while processing your request. Sorry about that!",
                    "server_error",
                    null,
                    null);
            case UNAVAILABLE -> body(
                    "The server is overloaded or not ready yet.", "server_error", null, "service_unavailable");
            case OVERLOADED -> body(
                    "The engine is currently overloaded, please try again later.", "server_error", null, "overloaded");
            default -> throw new IllegalArgumentException("no error body for " + kind);
        };
    }

    private static OpenAiWire.ErrorBody body(String message, String type, String param, String code) {
        return new OpenAiWire.ErrorBody(new OpenAiWire.Error(message, type, param, code));
    }
}
