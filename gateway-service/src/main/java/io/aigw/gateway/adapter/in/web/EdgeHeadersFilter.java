package io.aigw.gateway.adapter.in.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the edge removes from the headers it passes on, in one copy: the hop-by-hop headers and those
 * the {@code Connection} header names (both ways), and on a request every {@code Forwarded} and
 * {@code X-Forwarded-*} header, the client's and any the gateway would add — no service behind reads
 * them (issue 10). A chunked request's {@code Content-Length} goes too (RFC 9112 §6.3).
 *
 * <p>Spring Cloud Gateway does the same with five filters that copy every header each
 * (hop-by-hop, forwarded, x-forwarded, transfer-encoding, gRPC): about 6 % of the gateway's CPU and a
 * fifth of what it allocated per request in the overhead profile (docs/benchmarks/overhead.md).
 */
public final class EdgeHeadersFilter implements HttpHeadersFilter {

    /** Spring Cloud Gateway's own list, lower case: what it removes is what this removes. */
    private static final Set<String> HOP_BY_HOP = RemoveHopByHopHeadersFilter.HEADERS_REMOVED_ON_REQUEST;

    private static final String FORWARDED = "forwarded";
    private static final String X_FORWARDED = "x-forwarded-";

    private final Type type;

    /** @param type the headers it filters: a proxied request's, or the answer's on its way back */
    public EdgeHeadersFilter(Type type) {
        this.type = type;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        return filtered(input, type == Type.REQUEST);
    }

    @Override
    public boolean supports(Type type) {
        return this.type == type;
    }

    private static HttpHeaders filtered(HttpHeaders input, boolean request) {
        Set<String> named = connectionOptions(input);
        boolean chunked = request && isChunked(input);
        HttpHeaders kept = new HttpHeaders();
        for (Map.Entry<String, List<String>> header : input.headerSet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name) || named.contains(name)) {
                continue;
            }
            if (request && (name.equals(FORWARDED) || name.startsWith(X_FORWARDED))) {
                continue;
            }
            if (chunked && name.equals("content-length")) {
                continue;
            }
            kept.addAll(header.getKey(), header.getValue());
        }
        return kept;
    }

    private static Set<String> connectionOptions(HttpHeaders input) {
        List<String> options = input.getConnection();
        if (options.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (String option : options) {
            names.add(option.strip().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static boolean isChunked(HttpHeaders input) {
        String encoding = input.getFirst(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && "chunked".equalsIgnoreCase(encoding.strip());
    }
}
