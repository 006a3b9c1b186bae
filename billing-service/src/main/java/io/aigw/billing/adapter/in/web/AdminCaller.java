package io.aigw.billing.adapter.in.web;

import java.util.Optional;

/**
 * Who called the admin API, as the admin credential filter established it: the operator (the one
 * admin token, everything) or a tenant's own admin (one tenant's resources only, ADR 0024).
 */
public sealed interface AdminCaller {

    /** The exchange attribute that carries the caller to the controllers. */
    String ATTRIBUTE = "io.aigw.billing.adminCaller";

    /** The tenant this caller is confined to; empty for the operator. */
    Optional<String> tenant();

    /** Holder of {@code aigw.billing.admin-token}: every tenant, plans, reports. */
    record Operator() implements AdminCaller {
        @Override
        public Optional<String> tenant() {
            return Optional.empty();
        }
    }

    /** Holder of one tenant's admin token: that tenant, its keys and its usage only. */
    record TenantAdmin(String tenantId) implements AdminCaller {
        @Override
        public Optional<String> tenant() {
            return Optional.of(tenantId);
        }
    }
}
