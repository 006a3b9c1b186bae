package io.aigw.routing.adapter.out.openai;

import io.aigw.routing.adapter.out.provider.AbstractProviderClient;
import io.aigw.routing.adapter.out.provider.UpstreamErrors;
import io.aigw.routing.application.ProviderSignals;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.Provider;
import java.time.Clock;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.node.ObjectNode;

/**
 * Talks to OpenAI and every server that speaks its chat completions API (vLLM, Ollama, Groq, the
 * simulator). The client's body passes through untouched except for {@code model}, which becomes the
 * deployment's upstream name.
 */
public class OpenAiCompatibleProviderClient extends AbstractProviderClient {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {};

    public OpenAiCompatibleProviderClient(WebClient webClient, UpstreamErrors errors, Clock clock) {
        super(webClient, errors, clock);
    }

    public OpenAiCompatibleProviderClient(
            WebClient webClient, UpstreamErrors errors, Clock clock, ProviderSignals signals, Scheduler timers) {
        super(webClient, errors, clock, signals, timers);
    }

    @Override
    protected Mono<ObjectNode> doComplete(Deployment deployment, ObjectNode body) {
        return postJson(deployment, body, "/chat/completions");
    }

    @Override
    protected Flux<String> doStream(Deployment deployment, ObjectNode body) {
        return request(deployment, body, MediaType.TEXT_EVENT_STREAM)
                .exchangeToFlux(response -> {
                    if (!response.statusCode().is2xxSuccessful()) {
                        return this.<ServerSentEvent<String>>failure(deployment, response)
                                .flux();
                    }
                    observe(deployment, response);
                    return response.bodyToFlux(SSE);
                })
                .mapNotNull(ServerSentEvent::data);
    }

    @Override
    protected Mono<ObjectNode> doEmbed(Deployment deployment, ObjectNode body) {
        return postJson(deployment, body, "/embeddings");
    }

    private Mono<ObjectNode> postJson(Deployment deployment, ObjectNode body, String path) {
        return request(deployment, body, MediaType.APPLICATION_JSON, path).exchangeToMono(response -> {
            if (!response.statusCode().is2xxSuccessful()) {
                return failure(deployment, response);
            }
            observe(deployment, response);
            return response.bodyToMono(ObjectNode.class);
        });
    }

    private WebClient.RequestHeadersSpec<?> request(Deployment deployment, ObjectNode body, MediaType accept) {
        return request(deployment, body, accept, "/chat/completions");
    }

    private WebClient.RequestHeadersSpec<?> request(
            Deployment deployment, ObjectNode body, MediaType accept, String path) {
        ObjectNode upstreamBody = body.deepCopy();
        upstreamBody.put("model", deployment.model().upstreamModel());
        Provider provider = deployment.provider();
        return webClient
                .post()
                .uri(endpoint(provider, path))
                .headers(headers -> authenticate(headers, provider))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(accept)
                .bodyValue(upstreamBody);
    }
}
