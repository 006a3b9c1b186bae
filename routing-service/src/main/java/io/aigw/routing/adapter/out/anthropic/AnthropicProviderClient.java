package io.aigw.routing.adapter.out.anthropic;

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
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Talks to Anthropic's Messages API ({@code POST {base-url}/messages}), translating OpenAI chat
 * completions both ways, streams included. The provider's base URL includes the version path ({@code
 * https://api.anthropic.com/v1}), as for OpenAI.
 */
public class AnthropicProviderClient extends AbstractProviderClient {

    /** The API version this translation was written against. */
    static final String API_VERSION = "2023-06-01";

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {};

    private final JsonMapper json;
    private final AnthropicRequestTranslation requests;
    private final AnthropicResponseTranslation responses;

    public AnthropicProviderClient(WebClient webClient, UpstreamErrors errors, Clock clock, JsonMapper json) {
        this(webClient, errors, clock, json, ProviderSignals.NONE, Schedulers.parallel());
    }

    public AnthropicProviderClient(
            WebClient webClient,
            UpstreamErrors errors,
            Clock clock,
            JsonMapper json,
            ProviderSignals signals,
            Scheduler timers) {
        super(webClient, errors, clock, signals, timers);
        this.json = json;
        this.requests = new AnthropicRequestTranslation(json);
        this.responses = new AnthropicResponseTranslation(json);
    }

    @Override
    protected Mono<ObjectNode> doComplete(Deployment deployment, ObjectNode body) {
        return Mono.defer(() -> request(deployment, body, false, MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> {
                    if (!response.statusCode().is2xxSuccessful()) {
                        return failure(deployment, response);
                    }
                    observe(deployment, response);
                    return response.bodyToMono(JsonNode.class).map(message -> responses.toCompletion(message, now()));
                }));
    }

    @Override
    protected Flux<String> doStream(Deployment deployment, ObjectNode body) {
        return Flux.defer(() -> {
            AnthropicStreamTranslation translation = new AnthropicStreamTranslation(
                    json, body.path("stream_options").path("include_usage").asBoolean(false), now());
            return request(deployment, body, true, MediaType.TEXT_EVENT_STREAM)
                    .exchangeToFlux(response -> {
                        if (!response.statusCode().is2xxSuccessful()) {
                            return this.<ServerSentEvent<String>>failure(deployment, response)
                                    .flux();
                        }
                        observe(deployment, response);
                        return response.bodyToFlux(SSE);
                    })
                    .mapNotNull(ServerSentEvent::data)
                    .concatMapIterable(translation::onEvent)
                    .onErrorMap(
                            AnthropicStreamTranslation.StreamError.class,
                            e -> errors.fromStatus(deployment, e.status(), e.body()));
        });
    }

    private WebClient.RequestHeadersSpec<?> request(
            Deployment deployment, ObjectNode body, boolean stream, MediaType accept) {
        ObjectNode upstreamBody = requests.toAnthropic(body, deployment.model().upstreamModel(), stream);
        Provider provider = deployment.provider();
        return webClient
                .post()
                .uri(endpoint(provider, "/messages"))
                .headers(headers -> {
                    authenticate(headers, provider);
                    headers.set("anthropic-version", API_VERSION);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .accept(accept)
                .bodyValue(upstreamBody);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
