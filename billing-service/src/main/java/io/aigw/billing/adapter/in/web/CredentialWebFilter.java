package io.aigw.billing.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets {@code /internal/**} through only with the internal token in {@code x-aigw-internal-token}
 * (ADR 0003). An empty configured credential refuses everyone (fail closed). The admin API has its
 * own door, {@link AdminCredentialWebFilter}.
 */
public class CredentialWebFilter implements WebFilter {

    private final String segment;
    private final byte[] credential;
    private final String header;

    private CredentialWebFilter(String segment, String credential, String header) {
        this.segment = segment;
        this.credential = credential.getBytes(StandardCharsets.UTF_8);
        this.header = header;
    }

    /** {@code /internal/**} with {@code <header>: <internalToken>}. */
    public static CredentialWebFilter internal(String internalToken, String header) {
        return new CredentialWebFilter("internal", internalToken, header);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // the decoded path, as the request mapping matches it: /%69nternal/… is /internal/… too
        if (!RequestPaths.isUnder(exchange, segment)) {
            return chain.filter(exchange);
        }
        String presented = exchange.getRequest().getHeaders().getFirst(header);
        if (presented == null || presented.isEmpty()) {
            return Mono.error(new Unauthenticated("this API needs a credential", null));
        }
        // constant-time comparison: the credential must not leak through response timing; an empty
        // configured credential never matches because the presented one is not empty
        if (credential.length == 0 || !MessageDigest.isEqual(credential, presented.getBytes(StandardCharsets.UTF_8))) {
            return Mono.error(new Unauthenticated("the credential is not valid", null));
        }
        return chain.filter(exchange);
    }
}
