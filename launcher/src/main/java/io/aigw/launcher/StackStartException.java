package io.aigw.launcher;

import java.util.Optional;

/** A stack or one of its services could not be started; the message says why and how to fix it. */
public class StackStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Service service;

    /** A failure that is not about one service. */
    public StackStartException(String message) {
        this(message, null, null);
    }

    /** A failure that is not about one service, with its cause. */
    public StackStartException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** A failure of one service. */
    public StackStartException(String message, Service service) {
        this(message, service, null);
    }

    private StackStartException(String message, Service service, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    /** The service that failed, when the failure is about one. */
    public Optional<Service> service() {
        return Optional.ofNullable(service);
    }
}
