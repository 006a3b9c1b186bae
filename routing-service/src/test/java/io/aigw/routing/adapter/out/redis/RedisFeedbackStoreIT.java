package io.aigw.routing.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.routing.application.learned.FeedbackEntry;
import io.aigw.routing.domain.learned.FeedbackRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feedback store's bounds against a real Redis: the cap per tenant drops the oldest entries, the
 * maximum age drops old ones, and both keys carry an expiry. Every test uses its own key prefix.
 */
class RedisFeedbackStoreIT {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @RegisterExtension
    static final TestRedis REDIS = new TestRedis();

    private final ReactiveStringRedisTemplate redis = REDIS.template();

    private final String prefix = "it:feedback:" + UUID.randomUUID() + ":";

    private RedisFeedbackStore store(int max, Duration maxAge) {
        return new RedisFeedbackStore(redis, JsonMapper.builder().build(), prefix, new FeedbackRetention(max, maxAge));
    }

    private static FeedbackEntry entry(String id, Instant at) {
        return new FeedbackEntry(id, "cheap", 1, 1, new float[] {0.6f, 0.8f}, 12, at);
    }

    private List<String> stored(RedisFeedbackStore store) {
        return store.load("acme")
                .map(FeedbackEntry::requestId)
                .sort()
                .collectList()
                .block();
    }

    @Test
    void shouldKeepOnlyTheNewestEntriesWhenATenantGivesMoreThanTheCap() {
        // given
        RedisFeedbackStore store = store(3, Duration.ofDays(30));

        // when: five, a second apart
        for (int i = 0; i < 5; i++) {
            store.save("acme", entry("r" + i, NOW.plusSeconds(i))).block();
        }

        // then
        assertThat(stored(store)).containsExactly("r2", "r3", "r4");
        assertThat(redis.opsForZSet().size(prefix + "acme:at").block()).isEqualTo(3);
    }

    @Test
    void shouldDropEntriesOlderThanTheMaximumAgeWhenTheNextOneIsSaved() {
        // given: an hour's retention, an entry from two hours ago and one from half an hour ago
        RedisFeedbackStore store = store(100, Duration.ofHours(1));
        store.save("acme", entry("old", NOW.minus(Duration.ofHours(2)))).block();
        store.save("acme", entry("recent", NOW.minus(Duration.ofMinutes(30)))).block();

        // when
        store.save("acme", entry("new", NOW)).block();

        // then
        assertThat(stored(store)).containsExactly("new", "recent");
    }

    @Test
    void shouldLetBothKeysExpireWhenTheTenantStopsGivingFeedback() {
        RedisFeedbackStore store = store(100, Duration.ofHours(1));

        store.save("acme", entry("r", Instant.now())).block();

        assertThat(redis.getExpire(prefix + "acme").block()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(redis.getExpire(prefix + "acme:at").block()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldReadBackTheScoreTimeAndEmbeddingWhenLoaded() {
        RedisFeedbackStore store = store(100, Duration.ofDays(1));
        store.save("acme", new FeedbackEntry("r", "premium", 3, 0.25, new float[] {0.6f, 0.8f}, 42, NOW))
                .block();

        FeedbackEntry loaded = store.load("acme").blockFirst();

        assertThat(loaded.model()).isEqualTo("premium");
        assertThat(loaded.tier()).isEqualTo(3);
        assertThat(loaded.score()).isEqualTo(0.25);
        assertThat(loaded.at()).isEqualTo(NOW);
        assertThat(loaded.promptChars()).isEqualTo(42);
        assertThat(loaded.embedding()).containsExactly(0.6f, 0.8f);
    }
}
