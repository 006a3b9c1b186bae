package io.aigw.billing.domain;

/** Everything billing refuses, each mapped to one RFC 9457 problem type in the web adapter. */
public abstract sealed class BillingException extends RuntimeException {

    private BillingException(String message) {
        super(message, null, false, false);
    }

    /** A request field has a bad value. */
    public static final class InvalidInput extends BillingException {
        private final String field;

        public InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The named thing does not exist. */
    public static final class NotFound extends BillingException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** A budget hold would take the tenant over its monthly budget. */
    public static final class BudgetExhausted extends BillingException {
        public BudgetExhausted(String message) {
            super(message);
        }
    }

    /** The request clashes with the current state (e.g. the tenant already exists). */
    public static final class Conflict extends BillingException {
        public Conflict(String message) {
            super(message);
        }
    }
}
