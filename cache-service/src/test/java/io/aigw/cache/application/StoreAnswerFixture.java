package io.aigw.cache.application;

import io.aigw.cache.domain.CacheKeys;
import io.aigw.cache.domain.CacheableRequest;
import io.aigw.cache.domain.CachedAnswer;
import io.aigw.cache.domain.SemanticEntry;
import io.aigw.cache.domain.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Puts one entry into an index the way {@link StoreAnswer} does. */
final class StoreAnswerFixture {

    private StoreAnswerFixture() {}

    static void store(
            SemanticIndex index, TextEmbedder embedder, TenantId tenant, CacheableRequest request, Clock clock) {
        String prompt = request.lastUserText().orElseThrow();
        CachedAnswer answer = new CachedAnswer("{}", Optional.of(new BigDecimal("0.01")), clock.instant());
        index.add(new SemanticEntry(
                tenant,
                request.model(),
                CacheKeys.semanticScope(tenant, request),
                prompt,
                embedder.embed(prompt),
                answer,
                clock.instant().plus(Duration.ofHours(1))));
    }
}
