package io.aigw.billing.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets requests under one path prefix through only with one shared credential: the admin token as
 * {@code Authorization: Bearer} for {@code /admin/**}, the internal token in {@code
 * x-aigw-internal-token} for {@code /internal/**}. An empty configured credential refuses everyone
 * (fail closed): a billing without an admin token has no admin API rather than an open one.
 */
public class CredentialWebFilter implements WebFilter {

    private final String pathPrefix;
    private final byte[] credential;
    private final Extractor extractor;
    private final String challenge;

    /** Reads the presented credential from a request; null when none was presented. */
    @FunctionalInterface
    public interface Extractor {
        String presented(ServerWebExchange exchange);
    }

    private CredentialWebFilter(String pathPrefix, String credential, Extractor extractor, String challenge) {
        this.pathPrefix = pathPrefix;
        this.credential = credential.getBytes(StandardCharsets.UTF_8);
        this.extractor = extractor;
        this.challenge = challenge;
    }

    /** {@code /admin/**} with {@code Authorization: Bearer <adminToken>}. */
    public static CredentialWebFilter admin(String adminToken) {
        return new CredentialWebFilter(
                "/admin/",
                adminToken,
                exchange -> {
                    String header = exchange.getRequest().getHeaders().getFirst("Authorization");
                    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                            ? header.substring(7).strip()
                            : null;
                },
                "Bearer realm=\"aigw-admin\"");
    }

    /** {@code /internal/**} with {@code x-aigw-internal-token: <internalToken>}. */
    public static CredentialWebFilter internal(String internalToken, String header) {
        return new CredentialWebFilter(
                "/internal/",
                internalToken,
                exchange -> exchange.getRequest().getHeaders().getFirst(header),
                null);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith(pathPrefix) && !path.equals(pathPrefix.substring(0, pathPrefix.length() - 1))) {
            return chain.filter(exchange);
        }
        String presented = extractor.presented(exchange);
        if (presented == null || presented.isEmpty()) {
            return Mono.error(new Unauthenticated("this API needs a credential", challenge));
        }
        // constant-time comparison: the credential must not leak through response timing; an empty
        // configured credential never matches because the presented one is not empty
        if (credential.length == 0 || !MessageDigest.isEqual(credential, presented.getBytes(StandardCharsets.UTF_8))) {
            return Mono.error(new Unauthenticated("the credential is not valid", challenge));
        }
        return chain.filter(exchange);
    }
}
