package io.aigw.routing.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.cache.format.ExactCacheKey;
import io.aigw.cache.format.ExactEntry;
import io.aigw.cache.format.StorePolicyNotice;
import io.aigw.cache.format.StoreRules;
import io.aigw.routing.application.CachedAnswer;
import io.aigw.routing.application.ResponseCache;
import io.aigw.routing.domain.CachePolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exact hits come from the entries in a real Redis, written in cache-service's format; misses go to
 * the semantic layer only when the request allows near-repeats.
 */
class RedisExactResponseCacheIT {

    private static final Duration BUDGET = Duration.ofSeconds(2);

    @RegisterExtension
    static final TestRedis REDIS = new TestRedis();

    private final ReactiveStringRedisTemplate redis = REDIS.template();

    private final JsonMapper json = JsonMapper.builder().build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingSemanticLayer semantic = new RecordingSemanticLayer();
    private final String tenant = "it-exact-" + UUID.randomUUID();
    private Optional<StorePolicyNotice> storePolicy = Optional.empty();

    private ObjectNode request(String question) {
        return (ObjectNode) json.readTree(
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}]}");
    }

    private void storedAsCacheServiceWould(String tenant, ObjectNode request, String answer, String cost) {
        String response = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + answer + "\"},\"finish_reason\":\"stop\"}]}";
        String value = new ExactEntry(response, Optional.of(new BigDecimal(cost)), Instant.now()).encode();
        redis.opsForValue()
                .set(ExactCacheKey.of(tenant, request), value, Duration.ofMinutes(1))
                .block();
    }

    private RedisExactResponseCache cache(ReactiveStringRedisTemplate redis) {
        return new RedisExactResponseCache(
                redis, json, semantic, BUDGET, meters, () -> storePolicy, Clock.systemUTC(), Schedulers.parallel());
    }

    @Test
    void shouldServeTheStoredAnswerWithItsSavingAndCountTheHitWhenTheRequestRepeats() {
        storedAsCacheServiceWould(tenant, request("What is 2+2?"), "4", "0.0042");

        CachedAnswer answer = cache(redis)
                .lookup(tenant, request("What is 2+2?"), CachePolicy.Lookup.ON)
                .block();

        assertThat(answer.result()).isEqualTo("hit-exact");
        assertThat(answer.response().at("/choices/0/message/content").stringValue())
                .isEqualTo("4");
        assertThat(answer.savedUsd()).isEqualByComparingTo("0.0042");
        assertThat(semantic.asked).isEmpty();
        assertThat(meters.counter("aigw_cache_lookups", "result", "hit-exact").count())
                .isEqualTo(1);
        assertThat(meters.counter("aigw_cache_saved_usd").count()).isEqualTo(0.0042);
    }

    @Test
    void shouldNeverServeAnotherTenantsEntry() {
        storedAsCacheServiceWould("other-" + tenant, request("What is 2+2?"), "4", "0.0042");

        CachedAnswer answer = cache(redis)
                .lookup(tenant, request("What is 2+2?"), CachePolicy.Lookup.EXACT_ONLY)
                .block();

        assertThat(answer.isHit()).isFalse();
    }

    @Test
    void shouldAskTheSemanticLayerOnAnExactMissOnlyWhenNearRepeatsAreAllowed() {
        CachedAnswer on = cache(redis)
                .lookup(tenant, request("a new question"), CachePolicy.Lookup.ON)
                .block();
        CachedAnswer exactOnly = cache(redis)
                .lookup(tenant, request("another new question"), CachePolicy.Lookup.EXACT_ONLY)
                .block();

        assertThat(on.result()).isEqualTo("hit-semantic");
        assertThat(exactOnly.result()).isEqualTo("miss");
        assertThat(semantic.asked).containsExactly("a new question");
        assertThat(meters.counter("aigw_cache_lookups", "result", "miss").count())
                .isEqualTo(1);
    }

    @Test
    void shouldNotAskASemanticLayerThatSaidItHasNoneAndCountTheMissItself() {
        semantic.answersSemantically = false;

        CachedAnswer answer = cache(redis)
                .lookup(tenant, request("a question for an exact-only cache"), CachePolicy.Lookup.ON)
                .block();

        assertThat(answer.result()).isEqualTo("miss");
        assertThat(semantic.asked).isEmpty();
        assertThat(meters.counter("aigw_cache_lookups", "result", "miss").count())
                .isEqualTo(1);
    }

    @Test
    void shouldTreatAnUnreadableEntryAsAMissRatherThanServeIt() {
        redis.opsForValue()
                .set(ExactCacheKey.of(tenant, request("garbled")), "not an entry", Duration.ofMinutes(1))
                .block();

        CachedAnswer answer = cache(redis)
                .lookup(tenant, request("garbled"), CachePolicy.Lookup.EXACT_ONLY)
                .block();

        assertThat(answer.isHit()).isFalse();
        assertThat(meters.counter("aigw_cache_backend_errors", "backend", "redis", "operation", "lookup")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void shouldFallThroughToTheSemanticLayerWhenRedisIsUnreachable() {
        // a port nothing listens on: the connection is refused at once
        LettuceConnectionFactory away = TestRedis.unreachable();
        try {
            CachedAnswer answer = cache(new ReactiveStringRedisTemplate(away))
                    .lookup(tenant, request("Redis is away"), CachePolicy.Lookup.ON)
                    .block(BUDGET.plusSeconds(1));

            assertThat(answer.result()).isEqualTo("hit-semantic");
        } finally {
            away.destroy();
        }
    }

    @Test
    void shouldHandStoresToCacheServiceWhileItsStorePolicyIsUnknown() {
        cache(redis).store(tenant, request("q"), answer("stop"), BigDecimal.ONE);

        assertThat(semantic.stored).containsExactly(tenant);
    }

    @Test
    void shouldHandStoresToACacheServiceWithASemanticLayer() {
        storePolicy = Optional.of(policy(true, Map.of()));

        cache(redis).store(tenant, request("q"), answer("stop"), BigDecimal.ONE);

        assertThat(semantic.stored).containsExactly(tenant);
        assertThat(redis.hasKey(ExactCacheKey.of(tenant, request("q"))).block()).isFalse();
    }

    @Test
    void shouldWriteTheExactEntryItselfWhenCacheServiceHasNoSemanticLayer() {
        storePolicy = Optional.of(policy(false, Map.of(tenant, Duration.ofMinutes(5))));
        RedisExactResponseCache cache = cache(redis);

        cache.store(tenant, request("What is 3+3?"), answer("stop"), new BigDecimal("0.0021"));

        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        meters.counter("aigw_cache_stores", "outcome", "exact").count() == 1);
        assertThat(semantic.stored).isEmpty();
        // the entry a later request finds, in cache-service's own format, with the tenant's TTL
        CachedAnswer hit = cache.lookup(tenant, request("What is 3+3?"), CachePolicy.Lookup.EXACT_ONLY)
                .block();
        assertThat(hit.result()).isEqualTo("hit-exact");
        assertThat(hit.savedUsd()).isEqualByComparingTo("0.0021");
        Duration ttl = redis.getExpire(ExactCacheKey.of(tenant, request("What is 3+3?")))
                .block();
        assertThat(ttl).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
        assertThat(cache.lookup("other-" + tenant, request("What is 3+3?"), CachePolicy.Lookup.EXACT_ONLY)
                        .block()
                        .isHit())
                .as("another tenant's repeat")
                .isFalse();
    }

    @Test
    void shouldApplyCacheServicesStoreRulesWhenItWritesItself() {
        storePolicy = Optional.of(policy(false, Map.of()));
        ObjectNode hot = request("Write a poem");
        hot.put("temperature", 1.5);

        cache(redis).store(tenant, request("cut short"), answer("length"), BigDecimal.ONE);
        cache(redis).store(tenant, hot, answer("stop"), BigDecimal.ONE);

        assertThat(meters.counter("aigw_cache_stores", "outcome", "not_finished")
                        .count())
                .isEqualTo(1);
        assertThat(meters.counter("aigw_cache_stores", "outcome", "temperature").count())
                .isEqualTo(1);
        assertThat(redis.hasKey(ExactCacheKey.of(tenant, request("cut short"))).block())
                .isFalse();
        assertThat(redis.hasKey(ExactCacheKey.of(tenant, hot)).block()).isFalse();
        assertThat(semantic.stored).isEmpty();
    }

    private static StorePolicyNotice policy(boolean semanticLayer, Map<String, Duration> tenants) {
        return new StorePolicyNotice(semanticLayer, Duration.ofHours(1), tenants, new StoreRules(false, 1.0));
    }

    private ObjectNode answer(String finishReason) {
        return (ObjectNode)
                json.readTree("{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"6\"},\"finish_reason\":\"" + finishReason
                        + "\"}]}");
    }

    /** The semantic layer's port as a recording double: answers every lookup with a semantic hit. */
    private final class RecordingSemanticLayer implements ResponseCache {
        final List<String> asked = new CopyOnWriteArrayList<>();
        final List<String> stored = new CopyOnWriteArrayList<>();
        volatile boolean answersSemantically = true;

        @Override
        public boolean answersSemantically() {
            return answersSemantically;
        }

        @Override
        public Mono<CachedAnswer> lookup(String tenant, ObjectNode body, CachePolicy.Lookup mode) {
            asked.add(body.at("/messages/0/content").stringValue());
            return Mono.just(new CachedAnswer("hit-semantic", 0.93, json.createObjectNode(), BigDecimal.ZERO));
        }

        @Override
        public void store(String tenant, ObjectNode body, ObjectNode answer, BigDecimal cost) {
            stored.add(tenant);
        }
    }
}
