package io.aigw.gateway.adapter.out.config;

import io.aigw.gateway.application.GatewayKeys;
import io.aigw.gateway.domain.KeyOwner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import reactor.core.publisher.Mono;

/**
 * One demo key from configuration, until billing owns the keys. An empty key accepts nobody rather
 * than everybody.
 */
public class StaticGatewayKeys implements GatewayKeys {

    /** The id of the demo key (not the key itself). */
    public static final String KEY_ID = "demo";

    private final byte[] key;
    private final KeyOwner owner;

    public StaticGatewayKeys(String key, String tenantId) {
        this.key = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
        this.owner = new KeyOwner(tenantId, KEY_ID);
    }

    @Override
    public Mono<KeyOwner> resolve(String presentedKey) {
        // constant-time comparison: the key must not leak through response timing
        boolean matches = key.length > 0 && MessageDigest.isEqual(key, presentedKey.getBytes(StandardCharsets.UTF_8));
        return matches ? Mono.just(owner) : Mono.empty();
    }
}
