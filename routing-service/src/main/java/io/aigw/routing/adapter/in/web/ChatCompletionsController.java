package io.aigw.routing.adapter.in.web;

import io.aigw.api.AigwHeaders;
import io.aigw.routing.application.CachedAnswer;
import io.aigw.routing.application.ChatCommand;
import io.aigw.routing.application.ChatCompletionService;
import io.aigw.routing.application.RequestTrail;
import io.aigw.routing.application.RoutingPolicies;
import io.aigw.routing.domain.CachePolicy;
import io.aigw.routing.domain.PlannedDeployment;
import io.aigw.routing.domain.RoutePlan;
import io.aigw.routing.domain.RoutingException.InvalidRequest;
import io.aigw.routing.domain.TierRange;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /v1/chat/completions}, OpenAI-compatible, streamed and not. */
@RestController
public class ChatCompletionsController {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsController.class);

    private final ChatCompletionService service;
    private final ChatRequestReader reader;
    private final JsonMapper json;
    private final RoutingPolicies policies;

    public ChatCompletionsController(ChatCompletionService service, JsonMapper json, RoutingPolicies policies) {
        this.service = service;
        this.policies = policies;
        this.reader = new ChatRequestReader(json);
        this.json = json;
    }

    @PostMapping(path = "/v1/chat/completions")
    public Mono<ResponseEntity<?>> complete(
            @RequestBody(required = false) String text, ServerHttpRequest request, ServerHttpResponse response) {
        HttpHeaders sent = request.getHeaders();
        InternalHeaders internal = InternalHeaders.of(sent);
        return Mono.fromCallable(() -> {
                    ChatRequestReader.Parsed parsed = reader.read(text);
                    TierRange tiers = internal.tiers(policies);
                    return internal.command(
                            parsed,
                            tiers,
                            cachePolicy(
                                    InternalHeaders.value(sent, AigwHeaders.CACHE),
                                    InternalHeaders.value(sent, HttpHeaders.CACHE_CONTROL)));
                })
                .flatMap(command -> {
                    RequestTrail trail = new RequestTrail();
                    try {
                        service.requireKnownModel(command);
                    } catch (RuntimeException error) {
                        report(command, trail, error);
                        return Mono.error(error);
                    }
                    return service.lookup(command, trail)
                            .flatMap(cached -> cached.isHit()
                                    ? Mono.just(fromCache(command, trail, cached))
                                    : routed(command, trail, response));
                });
    }

    private Mono<ResponseEntity<?>> routed(ChatCommand command, RequestTrail trail, ServerHttpResponse response) {
        RoutePlan plan;
        try {
            plan = service.plan(command);
        } catch (RuntimeException error) {
            report(command, trail, error);
            return Mono.error(error);
        }
        return service.holdBudget(command, plan, trail)
                .doOnError(error -> report(command, trail, error))
                .flatMap(held -> command.request().stream()
                        ? Mono.just(streamed(command, held, trail, response))
                        : completed(command, held, trail));
    }

    /** A cached answer: as JSON, or replayed as a well-formed stream; no provider was called. */
    private ResponseEntity<?> fromCache(ChatCommand command, RequestTrail trail, CachedAnswer cached) {
        HttpHeaders headers = routeHeaders(command, trail);
        headers.set(AigwHeaders.COST_USD, "0");
        headers.set(AigwHeaders.TOKENS, "0");
        headers.set(AigwHeaders.SAVED_USD, cached.savedUsd().toPlainString());
        if (cached.similarity() != null) {
            headers.set(
                    AigwHeaders.CACHE_SIMILARITY, String.format(java.util.Locale.ROOT, "%.4f", cached.similarity()));
        }
        service.finished(trail.finish(command, 200));
        if (!command.request().stream()) {
            return ResponseEntity.ok()
                    .headers(headers)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(cached.response());
        }
        Flux<ServerSentEvent<String>> events = Flux.fromIterable(
                        service.replay(cached.response(), command.request().includeUsage()))
                .map(chunk -> ServerSentEvent.builder(chunk).build());
        return ResponseEntity.ok()
                .headers(headers)
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(events);
    }

    private static CachePolicy cachePolicy(String cacheHeader, String cacheControl) {
        try {
            return CachePolicy.of(cacheHeader, cacheControl);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage(), AigwHeaders.CACHE);
        }
    }

    private Mono<ResponseEntity<?>> completed(ChatCommand command, RoutePlan plan, RequestTrail trail) {
        return service.complete(command, plan, trail)
                .<ResponseEntity<?>>map(answer -> {
                    HttpHeaders headers = routeHeaders(command, trail);
                    headers.set(AigwHeaders.COST_USD, trail.cost().toPlainString());
                    headers.set(AigwHeaders.TOKENS, Long.toString(trail.usage().total()));
                    TierScoresHeader.set(headers, plan);
                    return ResponseEntity.ok()
                            .headers(headers)
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(answer);
                })
                .doOnSuccess(entity -> service.finished(trail.finish(command, 200)))
                .doOnError(error -> report(command, trail, error));
    }

    /**
     * Relays the provider's chunks as they arrive. Route headers are set when the first chunk is in
     * hand (the last moment before the response commits), since a fallback may change who answers. A
     * failure before the first chunk propagates, so the client gets a proper error status; after it,
     * the stream ends with an OpenAI-style error event instead of a silent truncation.
     */
    private ResponseEntity<?> streamed(
            ChatCommand command, RoutePlan plan, RequestTrail trail, ServerHttpResponse response) {
        AtomicBoolean started = new AtomicBoolean();
        Flux<ServerSentEvent<String>> events = service.stream(command, plan, trail, first -> {
                    started.set(true);
                    response.getHeaders().addAll(routeHeaders(command, trail, first));
                    TierScoresHeader.set(response.getHeaders(), plan);
                })
                .map(chunk -> ServerSentEvent.builder(chunk).build())
                .doOnComplete(() -> service.finished(trail.finish(command, 200)))
                .onErrorResume(error -> {
                    report(command, trail, error);
                    if (!started.get()) {
                        return Flux.error(error);
                    }
                    log.warn("request {}: stream broke: {}", command.requestId(), error.getMessage());
                    String event =
                            json.writeValueAsString(OpenAiErrors.of(error).body());
                    return Flux.just(ServerSentEvent.builder(event).build());
                });
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(events);
    }

    private void report(ChatCommand command, RequestTrail trail, Throwable error) {
        service.finished(trail.finish(command, OpenAiErrors.of(error).status()));
    }

    static HttpHeaders routeHeaders(ChatCommand command, RequestTrail trail) {
        return routeHeaders(command, trail, trail.answered());
    }

    private static HttpHeaders routeHeaders(ChatCommand command, RequestTrail trail, PlannedDeployment answered) {
        HttpHeaders headers = new HttpHeaders();
        if (command.requestId() != null) {
            headers.set(AigwHeaders.REQUEST_ID, command.requestId());
        }
        if (answered != null) {
            headers.set(AigwHeaders.PROVIDER, answered.deployment().provider().id());
            headers.set(AigwHeaders.MODEL, answered.deployment().model().name());
            headers.set(
                    AigwHeaders.TIER,
                    Integer.toString(answered.deployment().model().tier()));
        }
        headers.set(AigwHeaders.ATTEMPTS, Integer.toString(trail.calls()));
        headers.set(AigwHeaders.CACHE, trail.cacheResult());
        if (!trail.escalations().isEmpty()) {
            headers.set(
                    AigwHeaders.ESCALATIONS,
                    trail.escalations().stream().map(r -> r.label()).collect(Collectors.joining(",")));
        }
        return headers;
    }
}
