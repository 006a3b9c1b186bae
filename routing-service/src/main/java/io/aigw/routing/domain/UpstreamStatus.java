package io.aigw.routing.domain;

/**
 * The one table that decides what an upstream HTTP status means for routing: retriable failures
 * (rate limits, overload, server errors) may move to the next deployment; the rest may not.
 */
public final class UpstreamStatus {

    private UpstreamStatus() {}

    public static boolean isRetriable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * A provider's 400/422 is the client's mistake and goes back as 400; every other failure is the
     * upstream's and goes back as a gateway error (502), because a provider's 401/403/404 means our
     * configuration is wrong, not the client's request.
     */
    public static boolean isClientError(int status) {
        return status == 400 || status == 422;
    }
}
