package io.aigw.billing.adapter.in.web;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * What a tenant's own admin may call (ADR 0024): an allow-list of admin routes, each naming the
 * tenant in its path or narrowed to it by the controller. Everything else — other tenants, creating
 * tenants, changing plans (its own included: that is the operator's decision), writing the plan
 * catalog, the OpenAPI document — is refused. The path is given as its decoded segments, the same
 * values the request mapping matches, so an encoded slash or a matrix parameter cannot smuggle in a
 * second tenant.
 */
final class TenantAdminScope {

    private TenantAdminScope() {}

    /**
     * @param segments the decoded path segments, e.g. {@code [admin, tenants, acme, keys]}
     * @return whether the tenant's admin may make this call
     */
    static boolean permits(HttpMethod method, List<String> segments, String tenant) {
        if (segments.size() < 2 || !segments.get(0).equals("admin")) {
            return false;
        }
        String resource = segments.get(1);
        int size = segments.size();
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        return switch (resource) {
                // the listing is narrowed to the caller's tenant by the controller
            case "tenants" -> size == 2 ? read : segments.get(2).equals(tenant) && tenantResource(method, segments);
                // the plan catalog is the same for everyone; reading it tells nothing about other tenants
            case "plans" -> read && size <= 3;
                // the report is narrowed to the caller's tenant by the controller
            case "reports" -> read && size == 3 && segments.get(2).equals("usage");
            default -> false;
        };
    }

    /** {@code /admin/tenants/{own}[/keys[/{keyId}/revoke]]}. */
    private static boolean tenantResource(HttpMethod method, List<String> segments) {
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        return switch (segments.size()) {
            case 3 -> read;
            case 4 -> segments.get(3).equals("keys") && (read || method == HttpMethod.POST);
            case 6 -> segments.get(3).equals("keys") && segments.get(5).equals("revoke") && method == HttpMethod.POST;
            default -> false;
        };
    }
}
