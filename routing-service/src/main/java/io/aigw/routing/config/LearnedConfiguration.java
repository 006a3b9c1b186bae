package io.aigw.routing.config;

import io.aigw.routing.adapter.out.onnx.MiniLmPromptEmbedder;
import io.aigw.routing.adapter.out.redis.RedisAnsweredRequests;
import io.aigw.routing.adapter.out.redis.RedisFeedbackStore;
import io.aigw.routing.application.learned.AnsweredRequests;
import io.aigw.routing.application.learned.FeedbackService;
import io.aigw.routing.application.learned.FeedbackStore;
import io.aigw.routing.application.learned.LearnedRouting;
import io.aigw.routing.application.learned.Learning;
import io.aigw.routing.application.learned.PromptEmbedder;
import io.aigw.routing.application.learned.TenantFeedback;
import io.aigw.routing.domain.ModelCatalog;
import io.aigw.routing.domain.learned.LearnedTierChoice;
import io.aigw.routing.domain.learned.TierPredictor;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
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
    FeedbackStore feedbackStore(LearnedProperties properties, ReactiveStringRedisTemplate redis, JsonMapper json) {
        return new RedisFeedbackStore(redis, json, properties.feedbackKeyPrefix());
    }

    @Bean
    TenantFeedback tenantFeedback(FeedbackStore store, Clock clock, LearnedProperties properties) {
        return new TenantFeedback(store, clock, properties.refreshEvery());
    }

    @Bean
    FeedbackService feedbackService(
            AnsweredRequests answered, PromptEmbedder embedder, FeedbackStore store, TenantFeedback feedback) {
        return new FeedbackService(answered, embedder, store, feedback);
    }

    @Bean
    Learning learning(
            LearnedProperties properties,
            ModelCatalog catalog,
            PromptEmbedder embedder,
            TenantFeedback feedback,
            AnsweredRequests answered) {
        if (!hasLearnedGroup(catalog)) {
            return new Learning(LearnedRouting.NONE, answered);
        }
        LearnedRouting routing = new LearnedRouting(
                catalog,
                embedder,
                feedback,
                new TierPredictor(properties.neighbours(), properties.priorWeight()),
                new LearnedTierChoice(properties.minFeedbackPerTier(), properties.rule()),
                properties.threshold());
        return new Learning(routing, answered);
    }

    static boolean learningOn(LearnedProperties properties, ModelCatalog catalog) {
        return properties.enabled() || hasLearnedGroup(catalog);
    }

    private static boolean hasLearnedGroup(ModelCatalog catalog) {
        return catalog.groups().stream().anyMatch(g -> LearnedTierChoice.STRATEGY.equals(g.strategy()));
    }
}
