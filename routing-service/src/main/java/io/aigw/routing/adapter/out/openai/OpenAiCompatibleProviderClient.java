package io.aigw.routing.adapter.out.openai;

import io.aigw.routing.application.ProviderClient;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.RoutingException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Talks to OpenAI and every server that speaks its chat completions API (vLLM, Ollama, Groq, the
 * simulator). The client's body passes through untouched except for {@code model}, which becomes the
 * deployment's upstream name.
 */
public class OpenAiCompatibleProviderClient implements ProviderClient {

    private static final String DONE = "[DONE]";

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {};

    private final WebClient webClient;
    private final UpstreamErrors errors;

    public OpenAiCompatibleProviderClient(WebClient webClient, UpstreamErrors errors) {
        this.webClient = webClient;
        this.errors = errors;
    }

    @Override
    public Mono<ObjectNode> complete(Deployment deployment, ObjectNode body) {
        Duration timeout = deployment.provider().timeout();
        return request(deployment, body, MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(ObjectNode.class)
                        : failure(deployment, response))
                .timeout(timeout)
                .onErrorMap(e -> translate(deployment, e, timeout));
    }

    @Override
    public Flux<String> stream(Deployment deployment, ObjectNode body) {
        Duration timeout = deployment.provider().timeout();
        AtomicBoolean done = new AtomicBoolean();
        // The timeout applies to the first chunk and to every gap between chunks: a provider that
        // stalls mid-answer is as broken as one that never starts.
        return request(deployment, body, MediaType.TEXT_EVENT_STREAM)
                .exchangeToFlux(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToFlux(SSE)
                        : this.<ServerSentEvent<String>>failure(deployment, response)
                                .flux())
                .mapNotNull(ServerSentEvent::data)
                .doOnNext(data -> done.compareAndSet(false, DONE.equals(data.strip())))
                // a stream that ends without [DONE] was cut, even if the connection closed cleanly
                .concatWith(Mono.defer(() -> done.get() ? Mono.empty() : Mono.error(errors.cut(deployment))))
                .timeout(Mono.delay(timeout), chunk -> Mono.delay(timeout))
                .onErrorMap(e -> translate(deployment, e, timeout));
    }

    private WebClient.RequestHeadersSpec<?> request(Deployment deployment, ObjectNode body, MediaType accept) {
        ObjectNode upstreamBody = body.deepCopy();
        upstreamBody.put("model", deployment.model().upstreamModel());
        return webClient
                .post()
                .uri(deployment.provider().baseUrl() + "/chat/completions")
                .headers(headers -> {
                    if (deployment.provider().hasApiKey()) {
                        headers.setBearerAuth(deployment.provider().apiKey());
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .accept(accept)
                .bodyValue(upstreamBody);
    }

    private <T> Mono<T> failure(Deployment deployment, ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .flatMap(text -> Mono.error(errors.fromStatus(deployment, status, text)));
    }

    private Throwable translate(Deployment deployment, Throwable error, Duration timeout) {
        if (error instanceof RoutingException) {
            return error;
        }
        if (error instanceof TimeoutException) {
            return new RoutingException.UpstreamTimeout("provider '"
                    + deployment.provider().id() + "' did not answer within " + timeout.toMillis() + " ms");
        }
        if (error instanceof WebClientRequestException) {
            return errors.unreachable(deployment);
        }
        return errors.broken(deployment, error);
    }
}
