package io.aigw.billing.domain;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A customer of the gateway.
 *
 * @param id a stable slug, sent downstream as {@code x-aigw-tenant}
 * @param displayName for people
 * @param plan the name of the plan that applies
 * @param createdAt when the tenant was created
 * @param updatedAt when it last changed
 */
public record Tenant(String id, String displayName, String plan, Instant createdAt, Instant updatedAt) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** Checks every value and names the bad one. */
    public Tenant {
        if (id == null || !ID.matcher(id).matches()) {
            throw new BillingException.InvalidInput(
                    "id", "tenant id must be 1-64 lower-case letters, digits, '-' or '_', was '" + id + "'");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new BillingException.InvalidInput("display_name", "display_name must be 1-200 characters");
        }
        if (plan == null || plan.isBlank()) {
            throw new BillingException.InvalidInput("plan", "plan must be set");
        }
    }

    /** The same tenant on another plan. */
    public Tenant withPlan(String newPlan, Instant at) {
        return new Tenant(id, displayName, newPlan, createdAt, at);
    }
}
