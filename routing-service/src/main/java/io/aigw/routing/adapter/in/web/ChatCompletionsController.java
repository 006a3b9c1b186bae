package io.aigw.routing.adapter.in.web;

import io.aigw.api.AigwHeaders;
import io.aigw.routing.application.ChatCompletionService;
import io.aigw.routing.domain.Deployment;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /v1/chat/completions}, OpenAI-compatible, streamed and not. */
@RestController
public class ChatCompletionsController {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsController.class);

    private final ChatCompletionService service;
    private final ChatRequestReader reader;
    private final JsonMapper json;

    public ChatCompletionsController(ChatCompletionService service, JsonMapper json) {
        this.service = service;
        this.reader = new ChatRequestReader(json);
        this.json = json;
    }

    @PostMapping(path = "/v1/chat/completions")
    public Mono<ResponseEntity<?>> complete(
            @RequestBody(required = false) String text,
            @RequestHeader(name = AigwHeaders.REQUEST_ID, required = false) String requestId) {
        return Mono.fromCallable(() -> reader.read(text)).flatMap(parsed -> {
            Deployment deployment = service.choose(parsed.request());
            HttpHeaders headers = routeHeaders(deployment, requestId);
            if (parsed.request().stream()) {
                return Mono.just(ResponseEntity.ok()
                        .headers(headers)
                        .contentType(MediaType.TEXT_EVENT_STREAM)
                        .body(stream(deployment, parsed.body(), requestId)));
            }
            return service.complete(deployment, parsed.body()).map(answer -> ResponseEntity.ok()
                    .headers(headers)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(answer));
        });
    }

    /**
     * Relays the provider's chunks as they arrive. A failure before the first chunk propagates so the
     * client gets a proper error status (nothing was committed yet); after it, the stream ends with an
     * OpenAI-style error event instead of a silent truncation.
     */
    private Flux<ServerSentEvent<String>> stream(Deployment deployment, ObjectNode body, String requestId) {
        AtomicBoolean started = new AtomicBoolean();
        return service.stream(deployment, body)
                .doOnNext(chunk -> started.set(true))
                .map(chunk -> ServerSentEvent.builder(chunk).build())
                .onErrorResume(error -> {
                    if (!started.get()) {
                        return Flux.error(error);
                    }
                    log.warn(
                            "request {}: stream from {} broke: {}",
                            requestId,
                            deployment.provider().id(),
                            error.getMessage());
                    String event =
                            json.writeValueAsString(OpenAiErrors.of(error).body());
                    return Flux.just(ServerSentEvent.builder(event).build());
                });
    }

    private static HttpHeaders routeHeaders(Deployment deployment, String requestId) {
        HttpHeaders headers = new HttpHeaders();
        if (requestId != null) {
            headers.set(AigwHeaders.REQUEST_ID, requestId);
        }
        headers.set(AigwHeaders.PROVIDER, deployment.provider().id());
        headers.set(AigwHeaders.MODEL, deployment.model().name());
        headers.set(AigwHeaders.TIER, Integer.toString(deployment.model().tier()));
        headers.set(AigwHeaders.ATTEMPTS, "1");
        return headers;
    }
}
