package io.aigw.routing.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * Every failure the routing service reports to a client. Sealed so the one place that maps them to
 * HTTP answers (the web adapter) handles each kind; only {@link UpstreamFailure#retriable()} failures
 * may be retried on another deployment.
 */
public abstract sealed class RoutingException extends RuntimeException {

    private RoutingException(String message) {
        super(message, null, false, false);
    }

    /** The request itself is wrong; {@code param} names the offending field when known. */
    public static final class InvalidRequest extends RoutingException {
        private final String param;

        public InvalidRequest(String message, String param) {
            super(message);
            this.param = param;
        }

        public String param() {
            return param;
        }
    }

    /** The {@code model} names neither a catalog model nor a group. */
    public static final class ModelNotFound extends RoutingException {
        public ModelNotFound(String model) {
            super("The model '" + model + "' does not exist or you do not have access to it.");
        }
    }

    /**
     * The provider answered with an error or could not be reached. The message summarizes the upstream
     * answer and never carries a provider secret.
     */
    public static final class UpstreamFailure extends RoutingException {
        private final int upstreamStatus;
        private final boolean retriable;
        private final Duration retryAfter;

        public UpstreamFailure(String message, int upstreamStatus, boolean retriable) {
            this(message, upstreamStatus, retriable, null);
        }

        /**
         * @param retryAfter how long the provider asked us to wait (from {@code retry-after} or its
         *     rate-limit reset headers); null when it did not say
         */
        public UpstreamFailure(String message, int upstreamStatus, boolean retriable, Duration retryAfter) {
            super(message);
            this.upstreamStatus = upstreamStatus;
            this.retriable = retriable;
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        /** The provider's HTTP status, or 0 when no answer arrived (connection error). */
        public int upstreamStatus() {
            return upstreamStatus;
        }

        public boolean retriable() {
            return retriable;
        }
    }

    /** The tenant's budget cannot cover this request's maximum cost (429 insufficient_quota). */
    public static final class QuotaExhausted extends RoutingException {
        public QuotaExhausted(String message) {
            super(message);
        }
    }

    /** The model or tier is not in the tenant's plan (403). */
    public static final class NotAllowed extends RoutingException {
        public NotAllowed(String message) {
            super(message);
        }
    }

    /**
     * No qualifying deployment can take the request now: breakers open, providers asking to wait, or
     * no headroom (503). {@code retryAfter} says when one may be free again.
     */
    public static final class NoCapacity extends RoutingException {
        private final Duration retryAfter;

        public NoCapacity(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** The provider did not answer in time. Retriable. */
    public static final class UpstreamTimeout extends RoutingException {
        public UpstreamTimeout(String message) {
            super(message);
        }
    }
}
