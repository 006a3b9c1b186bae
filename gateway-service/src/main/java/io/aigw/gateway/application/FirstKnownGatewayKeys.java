package io.aigw.gateway.application;

import io.aigw.gateway.domain.KeyOwner;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks each source in turn and takes the first that knows the key: the configured demo key (a local
 * bootstrap that works even before billing is up), then billing's keys.
 */
public class FirstKnownGatewayKeys implements GatewayKeys {

    private final List<GatewayKeys> sources;

    public FirstKnownGatewayKeys(List<GatewayKeys> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public Mono<KeyOwner> resolve(String presentedKey) {
        return Flux.fromIterable(sources)
                .concatMap(source -> source.resolve(presentedKey))
                .next();
    }
}
