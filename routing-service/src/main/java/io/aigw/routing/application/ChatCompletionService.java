package io.aigw.routing.application;

import io.aigw.routing.domain.ChatRequest;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.ModelCatalog;
import io.aigw.routing.domain.RoutingException;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a chat completion: resolves the client's model to a deployment and calls it.
 *
 * <p>The route plan (cheapest qualifying deployment, fallbacks, cascades) replaces the
 * first-deployment choice here in the routing issue.
 */
public class ChatCompletionService {

    private final ModelCatalog catalog;
    private final ProviderClient providers;

    public ChatCompletionService(ModelCatalog catalog, ProviderClient providers) {
        this.catalog = catalog;
        this.providers = providers;
    }

    /** Which deployment will answer; fails with {@code ModelNotFound} for an unknown model. */
    public Deployment choose(ChatRequest request) {
        List<Deployment> candidates = catalog.resolve(request.model());
        if (candidates.isEmpty()) {
            throw new RoutingException.ModelNotFound(request.model());
        }
        return candidates.get(0);
    }

    public Mono<ObjectNode> complete(Deployment deployment, ObjectNode body) {
        return providers.complete(deployment, body);
    }

    public Flux<String> stream(Deployment deployment, ObjectNode body) {
        return providers.stream(deployment, body);
    }
}
