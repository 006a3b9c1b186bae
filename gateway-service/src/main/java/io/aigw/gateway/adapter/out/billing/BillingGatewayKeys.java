package io.aigw.gateway.adapter.out.billing;

import io.aigw.api.AigwHeaders;
import io.aigw.gateway.application.GatewayKeys;
import io.aigw.gateway.application.KeysUnavailable;
import io.aigw.gateway.domain.KeyOwner;
import io.aigw.gateway.domain.Plan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gateway keys owned by billing-service (ADR 0023): the key's SHA-256 is looked up in the shared Redis
 * cache {@code aigw:key:<hash>} first, then resolved by billing and cached for the TTL billing gives
 * ({@code SET … NX}, so an in-flight resolve never overwrites a revocation). Billing writes the
 * tombstone {@code revoked} when a key is revoked, so every gateway replica refuses it at its next
 * request. The key itself never leaves the edge; only its hash does.
 *
 * <p>Fails closed: a key that can be checked neither in the cache nor by billing is refused with 503,
 * not let through.
 */
public class BillingGatewayKeys implements GatewayKeys {

    private static final Logger log = LoggerFactory.getLogger(BillingGatewayKeys.class);
    private static final String REVOKED = "revoked";

    private final WebClient billing;
    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final String internalToken;
    private final Duration timeout;

    public BillingGatewayKeys(
            WebClient billing,
            ReactiveStringRedisTemplate redis,
            JsonMapper json,
            String internalToken,
            Duration timeout) {
        this.billing = billing;
        this.redis = redis;
        this.json = json;
        this.internalToken = internalToken;
        this.timeout = timeout;
    }

    @Override
    public Mono<KeyOwner> resolve(String presentedKey) {
        String hash = sha256(presentedKey);
        String cacheKey = "aigw:key:" + hash;
        return redis.opsForValue()
                .get(cacheKey)
                .timeout(timeout)
                .onErrorResume(error -> {
                    log.debug("key cache unreadable, asking billing: {}", error.toString());
                    return Mono.empty();
                })
                .flatMap(cached -> REVOKED.equals(cached) ? Mono.just(Resolved.REFUSED) : Mono.just(parse(cached)))
                .switchIfEmpty(Mono.defer(() -> fromBilling(hash, cacheKey)))
                .flatMap(resolved -> resolved.owner() == null ? Mono.empty() : Mono.just(resolved.owner()));
    }

    private Mono<Resolved> fromBilling(String hash, String cacheKey) {
        return billing.post()
                .uri("/internal/keys/resolve")
                .header(AigwHeaders.INTERNAL_TOKEN, internalToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.createObjectNode().put("key_sha256", hash))
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (status == 200) {
                        return response.bodyToMono(String.class).flatMap(body -> cache(cacheKey, body));
                    }
                    if (status == 404) {
                        return response.releaseBody().thenReturn(Resolved.REFUSED);
                    }
                    return response.releaseBody()
                            .then(Mono.error(new IllegalStateException("billing answered " + status)));
                })
                .timeout(timeout)
                .onErrorMap(error -> {
                    log.warn("gateway key could not be checked: {}", error.toString());
                    return new KeysUnavailable("The key service is unavailable right now; please retry shortly.");
                });
    }

    private Mono<Resolved> cache(String cacheKey, String body) {
        Resolved resolved = parse(body);
        long ttl = Math.max(1, json.readTree(body).path("cache_ttl_seconds").asLong(60));
        return redis.opsForValue()
                .setIfAbsent(cacheKey, body, Duration.ofSeconds(ttl))
                .onErrorResume(error -> Mono.just(false))
                .thenReturn(resolved);
    }

    private Resolved parse(String body) {
        JsonNode node = json.readTree(body);
        JsonNode plan = node.path("plan");
        Plan billed = plan.isObject()
                ? new Plan(
                        limit(plan, "requests_per_minute"),
                        limit(plan, "tokens_per_minute"),
                        limit(plan, "requests_per_day"),
                        limit(plan, "tokens_per_day"))
                : null;
        return new Resolved(new KeyOwner(
                node.path("tenant_id").asString(), node.path("key_id").asString(), billed));
    }

    /** Billing writes "unlimited" as null; the gateway's plans as 0. */
    private static long limit(JsonNode plan, String field) {
        JsonNode value = plan.path(field);
        return value.isNumber() ? value.asLong() : 0;
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A resolution: the owner, or null for a key that is unknown, expired or revoked. */
    private record Resolved(KeyOwner owner) {
        static final Resolved REFUSED = new Resolved(null);
    }
}
