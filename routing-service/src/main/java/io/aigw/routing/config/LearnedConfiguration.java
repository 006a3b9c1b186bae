package io.aigw.routing.config;

import io.aigw.routing.adapter.out.micrometer.MicrometerLearnedMetrics;
import io.aigw.routing.adapter.out.onnx.MiniLmPromptEmbedder;
import io.aigw.routing.adapter.out.redis.RedisAnsweredRequests;
import io.aigw.routing.adapter.out.redis.RedisFeedbackStore;
import io.aigw.routing.application.learned.AnsweredRequests;
import io.aigw.routing.application.learned.FeedbackService;
import io.aigw.routing.application.learned.FeedbackStore;
import io.aigw.routing.application.learned.LearnedMetrics;
import io.aigw.routing.application.learned.LearnedRouting;
import io.aigw.routing.application.learned.Learning;
import io.aigw.routing.application.learned.PromptEmbedder;
import io.aigw.routing.application.learned.TenantFeedback;
import io.aigw.routing.application.learned.ThresholdCalibrator;
import io.aigw.routing.domain.ModelCatalog;
import io.aigw.routing.domain.learned.FeedbackRetention;
import io.aigw.routing.domain.learned.LearnedTarget;
import io.aigw.routing.domain.learned.LearnedTierChoice;
import io.aigw.routing.domain.learned.ThresholdCalibration;
import io.aigw.routing.domain.learned.TierPredictor;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires learned tier selection. Everything is built either way, but the embedding model loads on the
 * first embedding only, and nothing embeds unless learning is on ({@code aigw.routing.learned.enabled}
 * or a group with strategy {@code learned}).
 */
@Configuration(proxyBeanMethods = false)
public class LearnedConfiguration {

    @Bean
    PromptEmbedder promptEmbedder() {
        return new MiniLmPromptEmbedder();
    }

    @Bean
    AnsweredRequests answeredRequests(
            LearnedProperties properties, ModelCatalog catalog, ReactiveStringRedisTemplate redis) {
        return learningOn(properties, catalog)
                ? new RedisAnsweredRequests(redis, properties.requestKeyPrefix(), properties.rememberFor())
                : AnsweredRequests.NONE;
    }

    @Bean
    FeedbackRetention feedbackRetention(LearnedProperties properties) {
        return new FeedbackRetention(properties.maxFeedbackPerTenant(), properties.feedbackMaxAge());
    }

    @Bean
    FeedbackStore feedbackStore(
            LearnedProperties properties,
            ReactiveStringRedisTemplate redis,
            JsonMapper json,
            FeedbackRetention retention) {
        return new RedisFeedbackStore(redis, json, properties.feedbackKeyPrefix(), retention);
    }

    @Bean
    TenantFeedback tenantFeedback(
            FeedbackStore store, Clock clock, LearnedProperties properties, FeedbackRetention retention) {
        return new TenantFeedback(store, clock, properties.refreshEvery(), retention);
    }

    @Bean
    LearnedMetrics learnedMetrics(MeterRegistry meters, ModelCatalog catalog) {
        Map<String, List<Integer>> groupTiers = new TreeMap<>();
        catalog.groups().stream()
                .filter(g -> LearnedTierChoice.STRATEGY.equals(g.strategy()))
                .forEach(g -> groupTiers.put(
                        g.name(),
                        catalog.resolve(g.name()).stream()
                                .map(d -> d.model().tier())
                                .distinct()
                                .sorted()
                                .toList()));
        return new MicrometerLearnedMetrics(meters, groupTiers);
    }

    @Bean
    FeedbackService feedbackService(
            AnsweredRequests answered,
            PromptEmbedder embedder,
            FeedbackStore store,
            TenantFeedback feedback,
            Clock clock,
            LearnedMetrics metrics) {
        return new FeedbackService(answered, embedder, store, feedback, clock, metrics);
    }

    @Bean
    Learning learning(
            LearnedProperties properties,
            ModelCatalog catalog,
            PromptEmbedder embedder,
            TenantFeedback feedback,
            AnsweredRequests answered,
            Clock clock,
            LearnedMetrics metrics) {
        if (!hasLearnedGroup(catalog)) {
            return new Learning(LearnedRouting.NONE, answered);
        }
        TierPredictor predictor =
                new TierPredictor(properties.neighbours(), properties.priorWeight(), properties.lengthWeight());
        LearnedTierChoice choice = new LearnedTierChoice(properties.minFeedbackPerTier(), properties.rule());
        ThresholdCalibrator calibrator = new ThresholdCalibrator(
                new ThresholdCalibration(predictor, choice, properties.calibrationPrompts()),
                clock,
                properties.recalibrateEvery(),
                Schedulers.boundedElastic(),
                metrics);
        LearnedRouting routing = new LearnedRouting(
                catalog, embedder, feedback, predictor, choice, defaultTarget(properties), calibrator, metrics);
        return new Learning(routing, answered);
    }

    static LearnedTarget defaultTarget(LearnedProperties properties) {
        CatalogProperties.TargetProperties target = properties.target();
        LearnedTarget configured;
        try {
            configured = LearnedTarget.of(target.topTierShare(), target.quality());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aigw.routing.learned.target: " + e.getMessage(), e);
        }
        return configured != null
                ? configured
                : new LearnedTarget.TopTierShare(LearnedProperties.DEFAULT_TOP_TIER_SHARE);
    }

    static boolean learningOn(LearnedProperties properties, ModelCatalog catalog) {
        return properties.enabled() || hasLearnedGroup(catalog);
    }

    private static boolean hasLearnedGroup(ModelCatalog catalog) {
        return catalog.groups().stream().anyMatch(g -> LearnedTierChoice.STRATEGY.equals(g.strategy()));
    }
}
