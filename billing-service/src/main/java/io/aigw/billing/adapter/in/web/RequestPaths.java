package io.aigw.billing.adapter.in.web;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;

/**
 * A request's path as the request mapping sees it: decoded segments without matrix parameters.
 * Credential checks must look at the same thing the mapping matches, or {@code /%61dmin/tenants} and
 * {@code /admin;x/tenants} — which map to {@code /admin/tenants} — slip past a check on the raw path.
 */
final class RequestPaths {

    private RequestPaths() {}

    /** The decoded segments, e.g. {@code [admin, tenants, acme]} for {@code /admin/tenants/acme}. */
    static List<String> segments(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(element -> ((PathContainer.PathSegment) element).valueToMatch())
                .toList();
    }

    /** Whether the path's first decoded segment is {@code segment} ({@code /admin}, {@code /admin/…}). */
    static boolean isUnder(ServerWebExchange exchange, String segment) {
        List<String> segments = segments(exchange);
        return !segments.isEmpty() && segments.get(0).equals(segment);
    }
}
