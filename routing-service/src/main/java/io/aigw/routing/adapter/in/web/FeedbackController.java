package io.aigw.routing.adapter.in.web;

import io.aigw.api.AigwHeaders;
import io.aigw.api.ErrorKind;
import io.aigw.api.OpenAiError;
import io.aigw.routing.application.learned.FeedbackService;
import io.aigw.routing.application.learned.UnknownRequestException;
import io.aigw.routing.domain.RoutingException.InvalidRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/feedback} with {@code {"request_id": "<x-aigw-request-id>", "score": true|false|0..1}}:
 * how good an earlier answer of the same tenant was, for {@code learned} groups to learn from. A
 * request id that is unknown, forgotten or another tenant's is one and the same 404, so ids of other
 * tenants cannot be told apart from made-up ones.
 */
@RestController
public class FeedbackController {

    /** The stored feedback, echoed. */
    public record FeedbackReceipt(String object, String request_id, String model, int tier, double score) {}

    private final FeedbackService feedback;
    private final JsonMapper json;

    public FeedbackController(FeedbackService feedback, JsonMapper json) {
        this.feedback = feedback;
        this.json = json;
    }

    @PostMapping(path = "/v1/feedback")
    public Mono<ResponseEntity<?>> give(
            @RequestBody(required = false) String text,
            @RequestHeader(name = AigwHeaders.TENANT, required = false) String tenant) {
        return Mono.fromCallable(() -> read(text))
                .doOnError(InvalidRequest.class, error -> feedback.invalid())
                .flatMap(body -> feedback.record(tenant == null ? "unknown" : tenant, body.requestId(), body.score())
                        .<ResponseEntity<?>>map(entry -> ResponseEntity.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(new FeedbackReceipt(
                                        "feedback", entry.requestId(), entry.model(), entry.tier(), entry.score())))
                        .onErrorResume(
                                UnknownRequestException.class,
                                error -> Mono.just(ResponseEntity.status(ErrorKind.NOT_FOUND.status())
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .body(OpenAiError.of(ErrorKind.NOT_FOUND, error.getMessage(), "request_id")))));
    }

    private record Body(String requestId, double score) {}

    private Body read(String text) {
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? null : json.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidRequest("The request body is not valid JSON.", null);
        }
        if (body == null || !body.isObject()) {
            throw new InvalidRequest("The request body must be a JSON object.", null);
        }
        JsonNode id = body.path("request_id");
        if (!id.isString() || id.stringValue().isBlank()) {
            throw new InvalidRequest("'request_id' must be the x-aigw-request-id of an earlier answer.", "request_id");
        }
        JsonNode score = body.path("score");
        double value;
        if (score.isBoolean()) {
            value = score.booleanValue() ? 1 : 0;
        } else if (score.isNumber()
                && ChatRequestReader.doubleOf(score) >= 0
                && ChatRequestReader.doubleOf(score) <= 1) {
            value = ChatRequestReader.doubleOf(score);
        } else {
            throw new InvalidRequest("'score' must be true, false or a number from 0 to 1.", "score");
        }
        return new Body(id.stringValue(), value);
    }
}
