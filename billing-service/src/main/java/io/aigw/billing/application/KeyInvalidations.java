package io.aigw.billing.application;

import java.util.Collection;
import reactor.core.publisher.Mono;

/**
 * Tells every gateway replica that what it cached about some keys is out of date (ADR 0023 and the
 * key cache contract in billing-service/README.md).
 */
public interface KeyInvalidations {

    /** The key was revoked: no gateway may accept it again, not even from its cache. */
    Mono<Void> revoked(String keyHash);

    /** The keys' tenant or plan changed: gateways must resolve them again to see the new limits. */
    Mono<Void> changed(Collection<String> keyHashes);
}
