package io.aigw.billing.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aigw.billing.application.KeyResolution;
import io.aigw.billing.application.KeyService;
import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.KeyMaterial;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The gateway's key check ({@code POST /internal/keys/resolve}, ADR 0023). The gateway should send
 * the key's SHA-256, which it computes anyway for its cache key, so the key itself never leaves the
 * edge (ADR 0003); the plain key is accepted too.
 */
@RestController
public class InternalKeysController {

    private final KeyService keys;

    public InternalKeysController(KeyService keys) {
        this.keys = keys;
    }

    /**
     * @param keySha256 lower-case hex SHA-256 of the presented key (UTF-8); preferred
     * @param key the presented key itself; only when {@code key_sha256} is absent
     */
    record ResolveRequest(@JsonProperty("key_sha256") String keySha256, @JsonProperty("key") String key) {
        @Override
        public String toString() {
            return "ResolveRequest[keySha256=****, key=****]";
        }
    }

    /**
     * @param tenantId set {@code x-aigw-tenant} to it
     * @param keyId set {@code x-aigw-key-id} to it
     * @param plan the tenant's plan and limits
     * @param expiresAt when the key stops working; null for never
     * @param cacheTtlSeconds how long the gateway may cache this answer
     */
    record ResolveView(
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("key_id") String keyId,
            @JsonProperty("plan") PlanView plan,
            @JsonProperty("expires_at") Instant expiresAt,
            @JsonProperty("cache_ttl_seconds") long cacheTtlSeconds) {

        static ResolveView of(KeyResolution resolution) {
            return new ResolveView(
                    resolution.tenantId(),
                    resolution.keyId(),
                    PlanView.of(resolution.plan()),
                    resolution.expiresAt().orElse(null),
                    resolution.cacheFor().toSeconds());
        }
    }

    /** 200 with the tenant, key id and limits; 404 problem when the key is unknown, revoked or expired. */
    @PostMapping(
            path = "/internal/keys/resolve",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResolveView> resolve(@RequestBody ResolveRequest body) {
        String hash;
        if (body.keySha256() != null) {
            if (!KeyMaterial.isHash(body.keySha256())) {
                return Mono.error(
                        new BillingException.InvalidInput("key_sha256", "key_sha256 must be 64 lower-case hex digits"));
            }
            hash = body.keySha256();
        } else if (body.key() != null && !body.key().isEmpty()) {
            hash = KeyMaterial.hash(body.key());
        } else {
            return Mono.error(new BillingException.InvalidInput("key_sha256", "send key_sha256 (or key)"));
        }
        return keys.resolve(hash)
                .map(ResolveView::of)
                .switchIfEmpty(Mono.error(
                        new BillingException.NotFound("no active key with that hash (unknown, revoked or expired)")));
    }
}
