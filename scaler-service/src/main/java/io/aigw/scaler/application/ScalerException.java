package io.aigw.scaler.application;

/**
 * The scaler's errors. Retriable ones (a dependency unreachable, a write conflict) are retried on a
 * later interval with bounded backoff; non-retriable ones (refused, misconfigured) are recorded and
 * the workload is held.
 */
public abstract sealed class ScalerException extends Exception {

    protected ScalerException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract boolean retriable();

    /** Prometheus, an instance, the Kubernetes API or Redis did not answer. */
    public static final class Unavailable extends ScalerException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean retriable() {
            return true;
        }
    }

    /** Someone changed the workload between our read and our write (HTTP 409). */
    public static final class Conflict extends ScalerException {
        public Conflict(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean retriable() {
            return true;
        }
    }

    /** The request was refused (not found, forbidden, invalid). */
    public static final class Refused extends ScalerException {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean retriable() {
            return false;
        }
    }
}
