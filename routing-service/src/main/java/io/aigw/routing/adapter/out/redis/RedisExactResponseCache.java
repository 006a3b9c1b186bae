package io.aigw.routing.adapter.out.redis;

import io.aigw.cache.format.ExactCacheKey;
import io.aigw.cache.format.ExactEntry;
import io.aigw.cache.format.StorePolicyNotice;
import io.aigw.cache.format.StoreRules;
import io.aigw.routing.application.CachedAnswer;
import io.aigw.routing.application.ResponseCache;
import io.aigw.routing.domain.CachePolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers exact repeats with one Redis {@code GET} of the entry cache-service wrote, and asks the
 * semantic layer (cache-service) only when that misses. An exact hit over cache-service's HTTP API
 * cost an extra hop, a JSON parse and a JSON render on each side; this keeps the most frequent hit
 * at one Redis round trip. Key and entry format come from {@code cache-format}, the same code
 * cache-service writes with.
 *
 * <p>Counts its own outcomes in {@code aigw_cache_lookups_total} (exact hits, and misses of
 * {@code exact-only} lookups, which never reach cache-service), so summed over services every lookup
 * is counted once. Fails open: an unreachable Redis or an unreadable entry is an exact miss, and the
 * whole lookup, semantic layer included, stays within the budget.
 *
 * <p>Stores too, when cache-service has said (its {@link StorePolicyNotice}) that it runs without a
 * semantic layer: the same rules, key, entry format and TTL it would apply, with one {@code SET … PX}
 * off the request path, counted in {@code aigw_cache_stores_total} as cache-service counts. A
 * cache-service with a semantic layer, or one whose notice is not known, gets every answer.
 */
public final class RedisExactResponseCache implements ResponseCache {

    private static final Logger log = LoggerFactory.getLogger(RedisExactResponseCache.class);
    private static final String HIT_EXACT = "hit-exact";

    private final ReactiveStringRedisTemplate redis;
    private final Scheduler timers;
    private final JsonMapper json;
    private final ResponseCache semantic;
    private final Duration lookupBudget;
    private final MeterRegistry meters;
    private final Counter savedUsd;
    private final Supplier<Optional<StorePolicyNotice>> storePolicy;
    private final Clock clock;

    /**
     * @param semantic the semantic layer (and the writer of both layers): cache-service asked for its
     *     semantic layer alone
     * @param storePolicy what cache-service published about storing, empty while unknown
     */
    public RedisExactResponseCache(
            ReactiveStringRedisTemplate redis,
            JsonMapper json,
            ResponseCache semantic,
            Duration lookupBudget,
            MeterRegistry meters,
            Supplier<Optional<StorePolicyNotice>> storePolicy,
            Clock clock,
            Scheduler timers) {
        this.timers = timers;
        this.storePolicy = storePolicy;
        this.clock = clock;
        this.redis = redis;
        this.json = json;
        this.semantic = semantic;
        this.lookupBudget = lookupBudget;
        this.meters = meters;
        this.savedUsd = Counter.builder("aigw_cache_saved_usd")
                .description("Cost in USD of the answers served from the cache instead of a provider")
                .register(meters);
    }

    @Override
    public Mono<CachedAnswer> lookup(String tenant, ObjectNode body, CachePolicy.Lookup mode) {
        long started = System.nanoTime();
        return exact(tenant, body)
                .doOnNext(hit -> counted(HIT_EXACT, started, hit.savedUsd()))
                .switchIfEmpty(Mono.defer(() -> {
                    if (mode == CachePolicy.Lookup.ON && semantic.answersSemantically()) {
                        return semantic.lookup(tenant, body, mode);
                    }
                    counted("miss", started, BigDecimal.ZERO);
                    return Mono.just(CachedAnswer.MISS);
                }))
                .timeout(lookupBudget, Mono.fromSupplier(() -> CachedAnswer.MISS), timers);
    }

    private Mono<CachedAnswer> exact(String tenant, ObjectNode body) {
        if (!body.path("model").isString()) {
            return Mono.empty();
        }
        // the key is derived inside the chain: a request it cannot render is a miss, never a failed request
        return Mono.fromCallable(() -> ExactCacheKey.of(tenant, body))
                .flatMap(key -> redis.opsForValue().get(key))
                .map(this::answerOf)
                .onErrorResume(error -> {
                    log.debug("exact cache read failed, answering as an exact miss: {}", error.toString());
                    meters.counter("aigw_cache_backend_errors", "backend", "redis", "operation", "lookup")
                            .increment();
                    return Mono.empty();
                });
    }

    private CachedAnswer answerOf(String value) {
        ExactEntry entry = ExactEntry.decode(value);
        ObjectNode response = json.readValue(entry.responseJson(), ObjectNode.class);
        return new CachedAnswer(HIT_EXACT, null, response, entry.costUsd().orElse(BigDecimal.ZERO));
    }

    private void counted(String result, long started, BigDecimal saved) {
        Counter.builder("aigw_cache_lookups")
                .description("Cache lookups by result")
                .tag("result", result)
                .register(meters)
                .increment();
        Timer.builder("aigw_cache_lookup_duration")
                .description("Lookup latency, embedding and index search included")
                .tag("result", result)
                .publishPercentileHistogram()
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - started));
        if (saved.signum() > 0) {
            savedUsd.increment(saved.doubleValue());
        }
    }

    @Override
    public void store(String tenant, ObjectNode body, ObjectNode answer, BigDecimal cost) {
        Optional<StorePolicyNotice> policy = storePolicy.get();
        if (policy.isEmpty()
                || policy.get().semanticLayer()
                || !body.path("model").isString()) {
            semantic.store(tenant, body, answer, cost);
            return;
        }
        String key;
        String value;
        try {
            JsonNode temperature = body.path("temperature");
            Optional<String> refusal = policy.get()
                    .rules()
                    .refusal(
                            StoreRules.AnswerShape.of(answer),
                            temperature.isNumber() ? Optional.of(temperature.asDouble()) : Optional.empty(),
                            false);
            if (refusal.isPresent()) {
                stored(refusal.get());
                return;
            }
            key = ExactCacheKey.of(tenant, body);
            value = new ExactEntry(answer.toString(), Optional.ofNullable(cost), clock.instant()).encode();
        } catch (RuntimeException e) {
            // an answer without choices, or a request the key cannot render: nothing to keep
            stored("no_choices");
            return;
        }
        redis.opsForValue()
                .set(key, value, policy.get().ttlFor(tenant))
                .timeout(lookupBudget, timers)
                .subscribe(ok -> stored("exact"), error -> {
                    log.debug("exact cache store failed: {}", error.toString());
                    meters.counter("aigw_cache_backend_errors", "backend", "redis", "operation", "store")
                            .increment();
                });
    }

    private void stored(String outcome) {
        Counter.builder("aigw_cache_stores")
                .description("Store calls by outcome: a layer that stored, or why the answer was not cacheable")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
