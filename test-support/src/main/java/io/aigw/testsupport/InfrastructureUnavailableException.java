package io.aigw.testsupport;

/**
 * Thrown when an integration test asks for Redis or PostgreSQL and none can be provided or reached.
 *
 * <p>The message always says how to provide the missing service. Integration tests let it propagate
 * so that they fail loudly instead of being skipped.
 */
public final class InfrastructureUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that explains how to provide the service. */
    public InfrastructureUnavailableException(String message) {
        super(message);
    }

    /** Creates the exception with a message that explains how to provide the service, and its cause. */
    public InfrastructureUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
