package io.aigw.gateway.adapter.out.billing;

import io.aigw.api.AigwHeaders;
import io.aigw.gateway.application.GatewayKeys;
import io.aigw.gateway.application.KeysUnavailable;
import io.aigw.gateway.application.RememberedKeys;
import io.aigw.gateway.application.RememberedKeys.Resolution;
import io.aigw.gateway.domain.KeyOwner;
import io.aigw.gateway.domain.Plan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
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
 * <p>Each resolution is also {@linkplain RememberedKeys remembered} in-process for a few seconds, so
 * the common request makes no Redis round trip for its key; billing's notices make the replica
 * forget a revoked or changed key at once ({@code RedisKeyNotices}).
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
    private final RememberedKeys remembered;

    public BillingGatewayKeys(
            WebClient billing,
            ReactiveStringRedisTemplate redis,
            JsonMapper json,
            String internalToken,
            Duration timeout,
            RememberedKeys remembered) {
        this.remembered = remembered;
        this.billing = billing;
        this.redis = redis;
        this.json = json;
        this.internalToken = internalToken;
        this.timeout = timeout;
    }

    @Override
    public Mono<KeyOwner> resolve(String presentedKey) {
        String hash = sha256(presentedKey);
        Optional<Resolution> known = remembered.recall(hash);
        if (known.isPresent()) {
            return known.get().refused() ? Mono.empty() : Mono.just(known.get().owner());
        }
        String cacheKey = "aigw:key:" + hash;
        return redis.opsForValue()
                .get(cacheKey)
                .timeout(timeout)
                .onErrorResume(error -> {
                    log.debug("key cache unreadable, asking billing: {}", error.toString());
                    return Mono.empty();
                })
                .map(cached ->
                        REVOKED.equals(cached) ? remember(hash, Resolution.REFUSED, null) : remember(hash, cached))
                .switchIfEmpty(Mono.defer(() -> fromBilling(hash, cacheKey)))
                .flatMap(resolved -> resolved.refused() ? Mono.empty() : Mono.just(resolved.owner()));
    }

    private Resolution remember(String hash, String body) {
        JsonNode node = json.readTree(body);
        return remember(hash, parse(node), node);
    }

    private Resolution remember(String hash, Resolution resolution, JsonNode body) {
        remembered.remember(hash, resolution, body == null ? Optional.empty() : expiry(body));
        return resolution;
    }

    private Mono<Resolution> fromBilling(String hash, String cacheKey) {
        return billing.post()
                .uri("/internal/keys/resolve")
                .header(AigwHeaders.INTERNAL_TOKEN, internalToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.createObjectNode().put("key_sha256", hash))
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (status == 200) {
                        return response.bodyToMono(String.class).flatMap(body -> cache(hash, cacheKey, body));
                    }
                    if (status == 404) {
                        return response.releaseBody().thenReturn(remember(hash, Resolution.REFUSED, null));
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

    private Mono<Resolution> cache(String hash, String cacheKey, String body) {
        JsonNode node = json.readTree(body);
        Resolution resolved = parse(node);
        long ttl = Math.max(1, node.path("cache_ttl_seconds").asLong(60));
        return redis.opsForValue()
                .setIfAbsent(cacheKey, body, Duration.ofSeconds(ttl))
                .onErrorResume(error -> Mono.just(false))
                // remembered only once Redis has it: a revocation's tombstone, written meanwhile,
                // then wins at the next request after this replica's memory expires at the latest
                .thenReturn(resolved)
                .doOnNext(r -> remember(hash, r, node));
    }

    /** The key's own expiry ({@code expires_at}, ISO-8601), when it has one. */
    private static Optional<Instant> expiry(JsonNode body) {
        JsonNode expires = body.path("expires_at");
        if (expires.isNumber()) {
            // epoch seconds, should billing's mapper ever write dates as numbers
            return Optional.of(Instant.ofEpochMilli((long) (expires.asDouble() * 1000)));
        }
        if (!expires.isString()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(expires.asString()));
        } catch (DateTimeParseException e) {
            // an expiry this replica cannot read: it does not remember the key at all
            return Optional.of(Instant.EPOCH);
        }
    }

    private Resolution parse(JsonNode node) {
        JsonNode plan = node.path("plan");
        Plan billed = plan.isObject()
                ? new Plan(
                        limit(plan, "requests_per_minute"),
                        limit(plan, "tokens_per_minute"),
                        limit(plan, "requests_per_day"),
                        limit(plan, "tokens_per_day"))
                : null;
        return new Resolution(new KeyOwner(
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
}
