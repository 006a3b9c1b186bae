package io.aigw.routing.adapter.out.provider;

import io.aigw.routing.application.ProviderClient;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.ProviderType;
import java.util.EnumMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/** Sends each call to the adapter that speaks its provider's dialect. */
public class ProviderClientsByType implements ProviderClient {

    private final Map<ProviderType, ProviderClient> clients;

    public ProviderClientsByType(Map<ProviderType, ProviderClient> clients) {
        this.clients = new EnumMap<>(clients);
    }

    /** Whether a provider type has an adapter; the catalog refuses providers without one. */
    public boolean supports(ProviderType type) {
        return clients.containsKey(type);
    }

    private ProviderClient client(Deployment deployment) {
        ProviderClient client = clients.get(deployment.provider().type());
        if (client == null) {
            throw new IllegalStateException(
                    "no adapter for provider type " + deployment.provider().type());
        }
        return client;
    }

    @Override
    public Mono<ObjectNode> complete(Deployment deployment, ObjectNode body) {
        return client(deployment).complete(deployment, body);
    }

    @Override
    public Flux<String> stream(Deployment deployment, ObjectNode body) {
        return client(deployment).stream(deployment, body);
    }

    @Override
    public Mono<ObjectNode> embed(Deployment deployment, ObjectNode body) {
        return client(deployment).embed(deployment, body);
    }
}
