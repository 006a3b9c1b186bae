package io.aigw.cache.adapter.in.web;

import io.aigw.api.AigwHeaders;
import io.aigw.cache.application.InvalidateEntries;
import io.aigw.cache.application.LookupAnswer;
import io.aigw.cache.application.LookupMode;
import io.aigw.cache.application.StoreAnswer;
import io.aigw.cache.domain.CacheableRequest;
import io.aigw.cache.domain.CachedAnswer;
import io.aigw.cache.domain.LookupResult;
import io.aigw.cache.domain.TenantId;
import io.aigw.cache.format.StorePolicyNotice;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cache API for routing: lookup, store, invalidate and stats under {@code /internal/cache}. The
 * tenant comes only from {@code x-aigw-tenant}, which internal services trust because the internal
 * token proves the call came through the gateway (ADR 0003); the body never names a tenant.
 */
@RestController
@RequestMapping(path = "/internal/cache", produces = MediaType.APPLICATION_JSON_VALUE)
public class CacheController {

    private final LookupAnswer lookup;
    private final StoreAnswer store;
    /** In every lookup answer: routing writes exact entries itself when there is no semantic layer. */
    private final ObjectNode storePolicy;

    private final InvalidateEntries invalidation;
    private final JsonMapper json;

    public CacheController(
            LookupAnswer lookup,
            StoreAnswer store,
            InvalidateEntries invalidation,
            JsonMapper json,
            StorePolicyNotice storePolicy) {
        this.storePolicy = storePolicy.toJson();
        this.lookup = lookup;
        this.store = store;
        this.invalidation = invalidation;
        this.json = json;
    }

    @PostMapping("/lookup")
    public Mono<ObjectNode> lookup(
            @RequestHeader(name = AigwHeaders.TENANT, required = false) String tenant,
            @RequestBody(required = false) String body) {
        return blocking(() -> {
            TenantId id = tenant(tenant);
            JsonNode call = parse(body);
            LookupMode mode = mode(call.path("mode").asString("on"));
            CacheableRequest request = ChatRequestReader.read(call.get("request"));
            return render(lookup.lookup(id, request, mode));
        });
    }

    @PostMapping("/store")
    public Mono<ObjectNode> store(
            @RequestHeader(name = AigwHeaders.TENANT, required = false) String tenant,
            @RequestBody(required = false) String body) {
        return blocking(() -> {
            TenantId id = tenant(tenant);
            JsonNode call = parse(body);
            CacheableRequest request = ChatRequestReader.read(call.get("request"));
            JsonNode response = call.get("response");
            var facts = ChatRequestReader.facts(response);
            StoreAnswer.Outcome outcome = store.store(
                    id,
                    request,
                    response.toString(),
                    facts,
                    cost(call.path("costUsd")),
                    call.path("allowHighTemperature").asBoolean(false));
            ObjectNode answer = json.createObjectNode();
            answer.put("stored", !outcome.stored().isEmpty());
            outcome.stored().forEach(answer.putArray("layers")::add);
            if (outcome.stored().isEmpty()) {
                answer.putArray("layers");
            }
            outcome.refusal().ifPresent(reason -> answer.put("reason", reason));
            return answer;
        });
    }

    @DeleteMapping("/entries")
    public Mono<ObjectNode> invalidate(
            @RequestHeader(name = AigwHeaders.TENANT, required = false) String tenant,
            @RequestParam(name = "model", required = false) String model) {
        return blocking(() -> {
            TenantId id = tenant(tenant);
            if (model != null && model.isBlank()) {
                throw new CacheRequestException("invalid-request", "model", "model must not be blank when given");
            }
            InvalidateEntries.Counts removed = invalidation.invalidate(id, Optional.ofNullable(model));
            ObjectNode answer = json.createObjectNode();
            answer.put("tenant", id.value());
            if (model != null) {
                answer.put("model", model);
            }
            answer.putObject("removed").put("exact", removed.exact()).put("semantic", removed.semantic());
            return answer;
        });
    }

    @GetMapping("/stats")
    public Mono<ObjectNode> stats(@RequestHeader(name = AigwHeaders.TENANT, required = false) String tenant) {
        return blocking(() -> {
            TenantId id = tenant(tenant);
            InvalidateEntries.Counts counts = invalidation.count(id);
            ObjectNode answer = json.createObjectNode();
            answer.put("tenant", id.value());
            answer.putObject("entries").put("exact", counts.exact()).put("semantic", counts.semantic());
            answer.put("semanticIndex", invalidation.indexKind());
            return answer;
        });
    }

    private ObjectNode render(LookupResult result) {
        ObjectNode answer = json.createObjectNode();
        answer.put("result", result.label());
        answer.put("semanticLayer", lookup.semanticEnabled());
        // the same node in every answer: it is only ever read (rendered), so no copy per lookup
        answer.set("storePolicy", storePolicy);
        if (result instanceof LookupResult.ExactHit hit) {
            answer(answer, hit.answer());
        } else if (result instanceof LookupResult.SemanticHit hit) {
            answer.put("similarity", Math.round(hit.similarity() * 10_000) / 10_000.0);
            answer(answer, hit.answer());
        }
        return answer;
    }

    private void answer(ObjectNode answer, CachedAnswer cached) {
        answer.set("response", json.readTree(cached.responseJson()));
        cached.costUsd().ifPresent(cost -> answer.put("savedUsd", cost));
        answer.put("storedAt", cached.storedAt().toString());
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new CacheRequestException("invalid-request", "/", "the body must be a JSON object");
        }
        try {
            JsonNode node = json.readTree(body);
            if (!node.isObject()) {
                throw new CacheRequestException("invalid-request", "/", "the body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new CacheRequestException("malformed-json", "/", "the body is not valid JSON");
        }
    }

    private static TenantId tenant(String header) {
        if (header == null || header.isBlank()) {
            throw new CacheRequestException("missing-tenant", AigwHeaders.TENANT, "x-aigw-tenant is required");
        }
        try {
            return new TenantId(header);
        } catch (IllegalArgumentException e) {
            throw new CacheRequestException("invalid-tenant", AigwHeaders.TENANT, e.getMessage());
        }
    }

    private static LookupMode mode(String mode) {
        return switch (mode) {
            case "on" -> LookupMode.ON;
            case "exact-only" -> LookupMode.EXACT_ONLY;
            case "semantic-only" -> LookupMode.SEMANTIC_ONLY;
            default -> throw new CacheRequestException(
                    "invalid-request", "/mode", "mode must be on, exact-only or semantic-only");
        };
    }

    private static Optional<BigDecimal> cost(JsonNode cost) {
        if (cost.isMissingNode() || cost.isNull()) {
            return Optional.empty();
        }
        if (!cost.isNumber() || cost.decimalValue().signum() < 0) {
            throw new CacheRequestException("invalid-request", "/costUsd", "costUsd must be a number >= 0");
        }
        return Optional.of(cost.decimalValue());
    }

    /** The cache's backends block (JDBC, ONNX), so they run off the event loop. */
    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
