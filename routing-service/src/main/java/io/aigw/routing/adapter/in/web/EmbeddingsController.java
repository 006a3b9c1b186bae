package io.aigw.routing.adapter.in.web;

import io.aigw.api.AigwHeaders;
import io.aigw.routing.application.ChatCommand;
import io.aigw.routing.application.ChatCompletionService;
import io.aigw.routing.application.RequestTrail;
import io.aigw.routing.application.RoutingPolicies;
import io.aigw.routing.domain.CachePolicy;
import io.aigw.routing.domain.RoutePlan;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/embeddings}, OpenAI-compatible. The same route as a chat completion — plan,
 * budget hold, provider RPM/TPM reservation, breakers and fallback to the next qualifying
 * deployment, usage event — among the models with the {@code embeddings} capability; the body
 * reaches the provider as the client sent it but for {@code model}. Not cached: a vector is cheap
 * next to a completion, and the semantic cache's checks are about questions, not arbitrary text.
 */
@RestController
public class EmbeddingsController {

    private final ChatCompletionService service;
    private final EmbeddingsRequestReader reader;
    private final RoutingPolicies policies;

    public EmbeddingsController(ChatCompletionService service, JsonMapper json, RoutingPolicies policies) {
        this.service = service;
        this.reader = new EmbeddingsRequestReader(json);
        this.policies = policies;
    }

    @PostMapping(path = "/v1/embeddings")
    public Mono<ResponseEntity<ObjectNode>> embed(
            @RequestBody(required = false) String text, ServerHttpRequest request) {
        InternalHeaders internal = InternalHeaders.of(request.getHeaders());
        return Mono.fromCallable(() -> {
                    ChatRequestReader.Parsed parsed = reader.read(text);
                    // the cache policy is off: embeddings are not cached
                    return internal.command(
                            parsed, internal.tiers(policies), new CachePolicy(CachePolicy.Lookup.OFF, false));
                })
                .flatMap(command -> {
                    RequestTrail trail = new RequestTrail();
                    RoutePlan plan;
                    try {
                        service.requireKnownModel(command);
                        plan = service.plan(command);
                    } catch (RuntimeException error) {
                        report(command, trail, error);
                        return Mono.error(error);
                    }
                    // the cache policy is off: this only marks the trail as bypassing it
                    return service.lookup(command, trail)
                            .then(Mono.defer(() -> service.holdBudget(command, plan, trail)))
                            .flatMap(held -> service.complete(command, held, trail))
                            .map(answer -> {
                                HttpHeaders headers = ChatCompletionsController.routeHeaders(command, trail);
                                headers.set(AigwHeaders.COST_USD, trail.cost().toPlainString());
                                headers.set(
                                        AigwHeaders.TOKENS,
                                        Long.toString(trail.usage().total()));
                                return ResponseEntity.ok()
                                        .headers(headers)
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .body(answer);
                            })
                            .doOnSuccess(entity -> service.finished(trail.finish(command, 200)))
                            .doOnError(error -> report(command, trail, error));
                });
    }

    private void report(ChatCommand command, RequestTrail trail, Throwable error) {
        service.finished(trail.finish(command, OpenAiErrors.of(error).status()));
    }
}
