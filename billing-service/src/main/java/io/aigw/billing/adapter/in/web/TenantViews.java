package io.aigw.billing.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aigw.billing.domain.Tenant;
import java.time.Instant;

/** Tenant bodies of the admin API. */
final class TenantViews {

    private TenantViews() {}

    /**
     * @param id lower-case slug, 1-64 characters; sent downstream as {@code x-aigw-tenant}
     * @param displayName for people
     * @param plan the plan's name
     */
    record CreateTenant(
            @JsonProperty("id") String id,
            @JsonProperty("display_name") String displayName,
            @JsonProperty("plan") String plan) {}

    /** @param plan the new plan's name */
    record ChangePlan(@JsonProperty("plan") String plan) {}

    record TenantView(
            @JsonProperty("id") String id,
            @JsonProperty("display_name") String displayName,
            @JsonProperty("plan") String plan,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {

        static TenantView of(Tenant tenant) {
            return new TenantView(
                    tenant.id(), tenant.displayName(), tenant.plan(), tenant.createdAt(), tenant.updatedAt());
        }
    }
}
