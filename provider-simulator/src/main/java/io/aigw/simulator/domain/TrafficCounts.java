package io.aigw.simulator.domain;

/**
 * Requests and tokens a model received, by outcome.
 *
 * @param acceptedRequests requests that passed the limiter and were answered (or started)
 * @param acceptedTokens   their prompt + completion tokens
 * @param rejectedRequests requests refused by the RPM/TPM limiter
 * @param rejectedTokens   the tokens those requests would have used
 * @param failedRequests   requests that got an injected fault instead of the limiter
 */
public record TrafficCounts(
        long acceptedRequests, long acceptedTokens, long rejectedRequests, long rejectedTokens, long failedRequests) {

    public static final TrafficCounts ZERO = new TrafficCounts(0, 0, 0, 0, 0);

    TrafficCounts plus(Outcome outcome, long tokens) {
        return switch (outcome) {
            case ACCEPTED -> new TrafficCounts(
                    acceptedRequests + 1, acceptedTokens + tokens, rejectedRequests, rejectedTokens, failedRequests);
            case REJECTED -> new TrafficCounts(
                    acceptedRequests, acceptedTokens, rejectedRequests + 1, rejectedTokens + tokens, failedRequests);
            case FAILED -> new TrafficCounts(
                    acceptedRequests, acceptedTokens, rejectedRequests, rejectedTokens, failedRequests + 1);
        };
    }

    /** What happened to a request, as the stats count it. */
    public enum Outcome {
        ACCEPTED,
        REJECTED,
        FAILED
    }
}
