package io.aigw.routing.domain;

/** Why a deployment was left out of a route plan. */
public record Rejection(Deployment deployment, Reason reason, String detail) {

    /** The qualification rules, in the order they are checked. */
    public enum Reason {
        /** The model lacks a capability the request needs (tools, json, vision, stream). */
        MISSING_CAPABILITY,
        /** Prompt plus requested output does not fit the context window. */
        CONTEXT_TOO_SMALL,
        /** The tier is outside the client's x-aigw-min-tier/x-aigw-max-tier. */
        TIER_OUT_OF_RANGE,
        /** The tier is above what the tenant's plan or the current policy allows. */
        TIER_NOT_ALLOWED,
        /** The deployment's circuit breaker is open. */
        CIRCUIT_OPEN,
        /** The provider asked us to wait (retry-after, rate-limit reset). */
        COOLING_DOWN,
        /** The provider's RPM/TPM budget has no room for this request. */
        NO_HEADROOM
    }
}
