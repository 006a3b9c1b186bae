package io.aigw.routing.application.learned;

/** Feedback names a request this tenant never made, or one already forgotten. */
public final class UnknownRequestException extends RuntimeException {

    public UnknownRequestException(String requestId) {
        super(
                "No answered request '" + requestId + "' is known for your account (requests are remembered"
                        + " for a limited time).",
                null,
                false,
                false);
    }
}
