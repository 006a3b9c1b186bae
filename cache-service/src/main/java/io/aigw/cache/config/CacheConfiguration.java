package io.aigw.cache.config;

import io.aigw.cache.adapter.in.web.InternalTokenWebFilter;
import io.aigw.cache.adapter.in.web.ProblemWebExceptionHandler;
import io.aigw.cache.adapter.out.micrometer.MicrometerCacheMetrics;
import io.aigw.cache.adapter.out.onnx.MiniLmTextEmbedder;
import io.aigw.cache.adapter.out.redis.RedisExactAnswerStore;
import io.aigw.cache.application.CacheMetrics;
import io.aigw.cache.application.ExactAnswerStore;
import io.aigw.cache.application.InvalidateEntries;
import io.aigw.cache.application.LookupAnswer;
import io.aigw.cache.application.SemanticIndex;
import io.aigw.cache.application.StoreAnswer;
import io.aigw.cache.application.TextEmbedder;
import io.aigw.cache.domain.SemanticSettings;
import io.aigw.cache.domain.StorePolicy;
import io.aigw.cache.domain.TtlPolicy;
import io.aigw.cache.domain.verify.SameQuestionVerifier;
import io.aigw.cache.format.StorePolicyNotice;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the ports to their adapters and the use cases to their ports. */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    InternalTokenWebFilter internalTokenWebFilter(InternalProperties internal) {
        return new InternalTokenWebFilter(internal.token());
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(JsonMapper json) {
        return new ProblemWebExceptionHandler(json);
    }

    @Bean
    ExactAnswerStore exactAnswerStore(StringRedisTemplate redis) {
        return new RedisExactAnswerStore(redis);
    }

    @Bean(destroyMethod = "")
    SemanticIndexFactory.Choice semanticIndexChoice(CacheProperties properties) {
        return SemanticIndexFactory.choose(properties.semantic());
    }

    @Bean
    SemanticIndex semanticIndex(SemanticIndexFactory.Choice choice) {
        return choice.index();
    }

    @Bean
    PooledDataSourceCloser pooledDataSourceCloser(SemanticIndexFactory.Choice choice) {
        return new PooledDataSourceCloser(choice.dataSource());
    }

    /** Reports which semantic index serves, and why the in-process one if it is that. */
    @Bean
    HealthIndicator semanticIndexHealthIndicator(SemanticIndexFactory.Choice choice) {
        return () -> Health.up()
                .withDetail("index", choice.index().kind())
                .withDetail("reason", choice.reason())
                .build();
    }

    @Bean
    TextEmbedder textEmbedder(CacheProperties properties) {
        if (!properties.semantic().enabled()) {
            // never called without a semantic index; not loading the model saves ~90 MB of native memory
            return new TextEmbedder() {
                @Override
                public float[] embed(String text) {
                    throw new IllegalStateException("the semantic layer is off (aigw.cache.semantic.enabled=false)");
                }

                @Override
                public int dimensions() {
                    return 0;
                }
            };
        }
        MiniLmTextEmbedder embedder = new MiniLmTextEmbedder();
        embedder.embed("warm-up"); // loads the ONNX runtime now rather than on the first lookup
        return embedder;
    }

    @Bean
    CacheMetrics cacheMetrics(MeterRegistry registry) {
        return new MicrometerCacheMetrics(registry);
    }

    @Bean
    LookupAnswer lookupAnswer(
            ExactAnswerStore exact,
            SemanticIndex index,
            TextEmbedder embedder,
            CacheProperties properties,
            CacheMetrics metrics,
            Clock clock) {
        CacheProperties.Semantic semantic = properties.semantic();
        return new LookupAnswer(
                exact,
                index,
                embedder,
                new SameQuestionVerifier(),
                new SemanticSettings(semantic.threshold(), semantic.candidates(), semantic.verify()),
                metrics,
                clock);
    }

    @Bean
    StoreAnswer storeAnswer(
            ExactAnswerStore exact,
            SemanticIndex index,
            TextEmbedder embedder,
            CacheProperties properties,
            CacheMetrics metrics,
            Clock clock) {
        return new StoreAnswer(
                exact,
                index,
                embedder,
                new StorePolicy(properties.storeToolCalls(), properties.maxTemperatureWithoutOptIn()),
                new TtlPolicy(properties.defaultTtl(), properties.tenantTtls()),
                metrics,
                clock);
    }

    /** Told to routing with every lookup answer: whether it may write exact entries itself. */
    @Bean
    StorePolicyNotice storePolicyNotice(SemanticIndex index, CacheProperties properties) {
        return new StorePolicyNotice(
                index.enabled(),
                properties.defaultTtl(),
                properties.tenantTtls(),
                new StorePolicy(properties.storeToolCalls(), properties.maxTemperatureWithoutOptIn()).rules());
    }

    @Bean
    InvalidateEntries invalidateEntries(ExactAnswerStore exact, SemanticIndex index) {
        return new InvalidateEntries(exact, index);
    }

    @Bean
    EntryMaintenance entryMaintenance(
            ExactAnswerStore exact, SemanticIndex index, MeterRegistry registry, CacheMetrics metrics, Clock clock) {
        return new EntryMaintenance(exact, index, registry, metrics, clock);
    }
}
