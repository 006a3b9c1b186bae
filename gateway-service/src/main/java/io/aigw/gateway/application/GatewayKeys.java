package io.aigw.gateway.application;

import io.aigw.gateway.domain.KeyOwner;
import reactor.core.publisher.Mono;

/** Resolves a presented gateway key to its owner. */
public interface GatewayKeys {

    /** The owner of the key, or empty when the key is unknown, expired or revoked. */
    Mono<KeyOwner> resolve(String presentedKey);
}
