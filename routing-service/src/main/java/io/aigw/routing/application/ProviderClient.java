package io.aigw.routing.application;

import io.aigw.routing.domain.Deployment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls one deployment of an LLM provider. Implementations translate to the provider's dialect and
 * map every failure to a {@link io.aigw.routing.domain.RoutingException}; callers never see a
 * transport exception.
 */
public interface ProviderClient {

    /**
     * A non-streamed chat completion.
     *
     * @param body the client's OpenAI-shaped body; fields the adapter does not know pass through
     * @return the OpenAI-shaped completion
     */
    Mono<ObjectNode> complete(Deployment deployment, ObjectNode body);

    /**
     * A streamed chat completion: the OpenAI-shaped chunk payloads in order, ending with {@code
     * [DONE]}. Errors before the first chunk mean nothing reached the client; errors after it cut the
     * stream.
     */
    Flux<String> stream(Deployment deployment, ObjectNode body);

    /**
     * An embeddings call ({@code POST /embeddings}, OpenAI's shape, {@code usage} included). Only
     * deployments whose model has the {@code embeddings} capability get it.
     *
     * @param body the client's body; passes through but for {@code model}
     */
    Mono<ObjectNode> embed(Deployment deployment, ObjectNode body);
}
