package io.aigw.routing.adapter.out.http;

import io.aigw.api.AigwHeaders;
import io.aigw.cache.format.StorePolicyNotice;
import io.aigw.routing.application.CachedAnswer;
import io.aigw.routing.application.ResponseCache;
import io.aigw.routing.domain.CachePolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cache-service's internal API (cache-service/README.md). Fails open: a lookup that errs or
 * outlasts its budget is a miss, because a slow cache must never make a request slower than no cache.
 */
public class HttpResponseCache implements ResponseCache {

    private static final Logger log = LoggerFactory.getLogger(HttpResponseCache.class);

    private final WebClient web;
    private final JsonMapper json;
    private final String internalToken;
    private final Duration lookupBudget;
    private final Duration storeTimeout;
    private final boolean semanticOnly;
    /** Set while cache-service last said it runs without a semantic layer (exact-only deployments). */
    private volatile boolean semanticLayerOff;

    private volatile long recheckAt;

    /** The store policy of cache-service's last lookup answer, and until when to believe it. */
    private volatile Optional<StorePolicyNotice> storePolicy = Optional.empty();

    private volatile long storePolicyUntil;

    /**
     * @param semanticOnly ask for the semantic layer alone, because the caller reads the exact layer
     *     from Redis itself ({@code RedisExactResponseCache}); {@code exact-only} lookups then miss at once
     */
    public HttpResponseCache(
            WebClient web,
            JsonMapper json,
            String internalToken,
            Duration lookupBudget,
            Duration storeTimeout,
            boolean semanticOnly) {
        this.web = web;
        this.json = json;
        this.internalToken = internalToken;
        this.lookupBudget = lookupBudget;
        this.storeTimeout = storeTimeout;
        this.semanticOnly = semanticOnly;
    }

    @Override
    public Mono<CachedAnswer> lookup(String tenant, ObjectNode body, CachePolicy.Lookup mode) {
        if (semanticOnly && mode == CachePolicy.Lookup.EXACT_ONLY) {
            return Mono.just(CachedAnswer.MISS);
        }
        ObjectNode request = json.createObjectNode();
        request.set("request", body);
        request.put(
                "mode", semanticOnly ? "semantic-only" : mode == CachePolicy.Lookup.EXACT_ONLY ? "exact-only" : "on");
        return post("/internal/cache/lookup", tenant, request)
                .map(this::answerOf)
                .timeout(lookupBudget)
                .onErrorResume(error -> {
                    log.debug("cache lookup failed, answering as a miss: {}", error.toString());
                    return Mono.just(CachedAnswer.MISS);
                })
                .defaultIfEmpty(CachedAnswer.MISS);
    }

    /**
     * How long to believe cache-service's "no semantic layer": a lookup per this period goes through
     * and refreshes it, so turning the layer on is noticed without restarting routing.
     */
    static final Duration SEMANTIC_RECHECK = Duration.ofSeconds(30);

    @Override
    public boolean answersSemantically() {
        return !semanticLayerOff || System.nanoTime() - recheckAt >= 0;
    }

    /**
     * What cache-service's last lookup answer said about storing, believed for two recheck periods:
     * with a semantic layer off the lookups that refresh it come every {@link #SEMANTIC_RECHECK}, and
     * without them the stores go back to cache-service.
     */
    public Optional<StorePolicyNotice> storePolicy() {
        return System.nanoTime() - storePolicyUntil < 0 ? storePolicy : Optional.empty();
    }

    private CachedAnswer answerOf(JsonNode reply) {
        JsonNode layer = reply.path("semanticLayer");
        if (layer.isBoolean()) {
            recheckAt = System.nanoTime() + SEMANTIC_RECHECK.toNanos();
            semanticLayerOff = !layer.asBoolean();
        }
        if (!semanticLayerOff) {
            // with a semantic layer every store goes to cache-service: its policy would go unused
            storePolicy = Optional.empty();
        } else if (reply.has("storePolicy")) {
            try {
                storePolicy = Optional.of(StorePolicyNotice.parse(reply.get("storePolicy")));
                storePolicyUntil =
                        System.nanoTime() + SEMANTIC_RECHECK.multipliedBy(2).toNanos();
            } catch (IllegalArgumentException e) {
                log.debug("cache-service's store policy unreadable, leaving every store to it: {}", e.getMessage());
                storePolicy = Optional.empty();
            }
        }
        String result = reply.path("result").asString("miss");
        JsonNode response = reply.path("response");
        if (!result.startsWith("hit") || !response.isObject()) {
            return CachedAnswer.MISS;
        }
        JsonNode similarity = reply.path("similarity");
        JsonNode saved = reply.path("savedUsd");
        return new CachedAnswer(
                result,
                similarity.isNumber() ? similarity.asDouble() : null,
                (ObjectNode) response,
                saved.isNumber() ? saved.decimalValue() : BigDecimal.ZERO);
    }

    @Override
    public void store(String tenant, ObjectNode body, ObjectNode answer, BigDecimal cost) {
        ObjectNode request = json.createObjectNode();
        request.set("request", body);
        request.set("response", answer);
        request.put("costUsd", cost);
        post("/internal/cache/store", tenant, request)
                .timeout(storeTimeout)
                .subscribe(null, error -> log.debug("cache store failed: {}", error.toString()));
    }

    private Mono<JsonNode> post(String path, String tenant, ObjectNode body) {
        return web.post()
                .uri(path)
                .header(AigwHeaders.INTERNAL_TOKEN, internalToken)
                .header(AigwHeaders.TENANT, tenant)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .bodyToMono(JsonNode.class);
    }
}
