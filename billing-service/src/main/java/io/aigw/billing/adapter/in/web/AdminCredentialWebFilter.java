package io.aigw.billing.adapter.in.web;

import io.aigw.billing.domain.KeyMaterial;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The admin API's door ({@code /admin/**}, {@code Authorization: Bearer <token>}): the operator's
 * admin token opens everything; a tenant admin token (configured as its SHA-256 only) opens that
 * tenant's resources ({@link TenantAdminScope}) and nothing else (403). Anything else is 401. Every
 * comparison is constant-time and every configured token is compared, so neither the answer's timing
 * nor its order tells which token came close. An empty admin token opens nothing (fail closed).
 */
public class AdminCredentialWebFilter implements WebFilter {

    private static final String CHALLENGE = "Bearer realm=\"aigw-admin\"";

    private final byte[] operatorToken;
    private final Map<String, byte[]> tenantTokenHashes;

    /**
     * @param operatorToken the operator's admin token; empty refuses the operator
     * @param tenantTokenHashes tenant id → lower-case hex SHA-256 of its admin token (UTF-8)
     */
    public AdminCredentialWebFilter(String operatorToken, Map<String, String> tenantTokenHashes) {
        this.operatorToken = operatorToken.getBytes(StandardCharsets.UTF_8);
        this.tenantTokenHashes = tenantTokenHashes.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, e -> HexFormat.of().parseHex(e.getValue())));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!RequestPaths.isUnder(exchange, "admin")) {
            return chain.filter(exchange);
        }
        String presented = bearer(exchange.getRequest().getHeaders().getFirst("Authorization"));
        if (presented == null || presented.isEmpty()) {
            return Mono.error(new Unauthenticated("this API needs a credential", CHALLENGE));
        }
        AdminCaller caller = identify(presented);
        if (caller == null) {
            return Mono.error(new Unauthenticated("the credential is not valid", CHALLENGE));
        }
        if (caller instanceof AdminCaller.TenantAdmin admin
                && !TenantAdminScope.permits(
                        exchange.getRequest().getMethod(), RequestPaths.segments(exchange), admin.tenantId())) {
            return Mono.error(new Forbidden("this credential is limited to tenant '" + admin.tenantId() + "'"));
        }
        exchange.getAttributes().put(AdminCaller.ATTRIBUTE, caller);
        return chain.filter(exchange);
    }

    private AdminCaller identify(String presented) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        // an empty configured token never matches because the presented one is not empty
        boolean operator = operatorToken.length > 0 && MessageDigest.isEqual(operatorToken, bytes);
        byte[] hash = HexFormat.of().parseHex(KeyMaterial.hash(presented));
        String tenant = null;
        for (Map.Entry<String, byte[]> entry : tenantTokenHashes.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), hash)) {
                tenant = entry.getKey();
            }
        }
        if (operator) {
            return new AdminCaller.Operator();
        }
        return tenant == null ? null : new AdminCaller.TenantAdmin(tenant);
    }

    private static String bearer(String header) {
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
    }
}
