package io.aigw.routing.config;

import io.aigw.api.usage.UsageEvent;
import io.aigw.lettuce.LoopTimers;
import io.aigw.routing.adapter.in.web.InternalTokenWebFilter;
import io.aigw.routing.adapter.in.web.OpenAiErrorWebExceptionHandler;
import io.aigw.routing.adapter.out.anthropic.AnthropicProviderClient;
import io.aigw.routing.adapter.out.http.HttpBudgets;
import io.aigw.routing.adapter.out.http.HttpResponseCache;
import io.aigw.routing.adapter.out.jackson.JacksonJsonInspector;
import io.aigw.routing.adapter.out.jtokkit.JtokkitTokenCounter;
import io.aigw.routing.adapter.out.micrometer.MicrometerRoutingMetrics;
import io.aigw.routing.adapter.out.openai.OpenAiCompatibleProviderClient;
import io.aigw.routing.adapter.out.provider.ProviderClientsByType;
import io.aigw.routing.adapter.out.provider.UpstreamErrors;
import io.aigw.routing.adapter.out.redis.RedisBudgets;
import io.aigw.routing.adapter.out.redis.RedisExactResponseCache;
import io.aigw.routing.adapter.out.redis.RedisStreamUsageEvents;
import io.aigw.routing.adapter.out.resilience4j.Resilience4jCircuitBreakers;
import io.aigw.routing.application.AnswerVerifier;
import io.aigw.routing.application.Budgets;
import io.aigw.routing.application.ChatCompletionService;
import io.aigw.routing.application.CircuitBreakers;
import io.aigw.routing.application.DeploymentHealth;
import io.aigw.routing.application.JudgeModelVerifier;
import io.aigw.routing.application.OpenAiShapes;
import io.aigw.routing.application.ProviderCapacity;
import io.aigw.routing.application.ProviderClient;
import io.aigw.routing.application.ResponseCache;
import io.aigw.routing.application.RoutePlans;
import io.aigw.routing.application.RoutingMetrics;
import io.aigw.routing.application.RoutingPolicies;
import io.aigw.routing.application.UsageEvents;
import io.aigw.routing.application.UsageReporter;
import io.aigw.routing.application.learned.Learning;
import io.aigw.routing.domain.Cooldowns;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.LatencyStats;
import io.aigw.routing.domain.ModelCatalog;
import io.aigw.routing.domain.ProviderType;
import io.aigw.routing.domain.QualityGates;
import io.aigw.routing.domain.RoutePlanner;
import io.aigw.routing.domain.TokenCounter;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProviderClient providerClient(
            WebClient.Builder builder, JsonMapper json, Clock clock, ProviderCapacity capacity, LoopTimers timers) {
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS);
        WebClient webClient = builder.clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        UpstreamErrors errors = new UpstreamErrors(json);
        ProviderClient openAi = new OpenAiCompatibleProviderClient(webClient, errors, clock, capacity, timers);
        ProviderClient anthropic = new AnthropicProviderClient(webClient, errors, clock, json, capacity, timers);
        return new ProviderClientsByType(Map.of(
                ProviderType.OPENAI, openAi,
                ProviderType.OPENAI_COMPATIBLE, openAi,
                ProviderType.ANTHROPIC, anthropic));
    }

    @Bean
    TokenCounter tokenCounter() {
        return new JtokkitTokenCounter();
    }

    @Bean
    CircuitBreakers circuitBreakers(RoutingProperties properties, MeterRegistry meters) {
        RoutingProperties.CircuitBreakerProperties cb = properties.circuitBreaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize((int) Math.max(1, cb.window().toSeconds()))
                .minimumNumberOfCalls(cb.minimumCalls())
                .failureRateThreshold(cb.failureRateThreshold())
                .slowCallDurationThreshold(cb.slowCallDuration())
                .slowCallRateThreshold(cb.slowCallRateThreshold())
                .waitDurationInOpenState(cb.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(cb.halfOpenCalls())
                // the planner skips open breakers, so nothing would ever ask them to half-open
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        return new Resilience4jCircuitBreakers(config, meters);
    }

    @Bean
    DeploymentHealth deploymentHealth(CircuitBreakers breakers, Clock clock, RoutingPolicies policies) {
        return new DeploymentHealth(breakers, new Cooldowns(clock), new LatencyStats(), clock, policies);
    }

    @Bean
    RoutePlans routePlans(
            ModelCatalog catalog, TokenCounter tokens, RoutingProperties properties, DeploymentHealth health) {
        return new RoutePlans(catalog, new RoutePlanner(tokens, properties.defaultOutputTokens()), health);
    }

    @Bean
    OpenAiShapes openAiShapes(JsonMapper json) {
        return new OpenAiShapes(json);
    }

    @Bean
    AnswerVerifier answerVerifier(
            RoutingProperties properties,
            ModelCatalog catalog,
            ProviderClient providers,
            OpenAiShapes shapes,
            JsonMapper json) {
        String model = properties.cascade().verifierModel();
        if (model == null || model.isBlank()) {
            return AnswerVerifier.NONE;
        }
        List<Deployment> judge = catalog.resolve(model);
        if (judge.size() != 1) {
            throw new IllegalArgumentException(
                    "aigw.routing.cascade.verifier-model: '" + model + "' is not a catalog model");
        }
        return new JudgeModelVerifier(judge.get(0), providers, shapes, json);
    }

    @Bean
    RoutingMetrics routingMetrics(MeterRegistry meters) {
        return new MicrometerRoutingMetrics(meters);
    }

    @Bean
    ChatCompletionService chatCompletionService(
            RoutePlans plans,
            ProviderClient providers,
            DeploymentHealth health,
            RoutingProperties properties,
            AnswerVerifier verifier,
            RoutingMetrics metrics,
            OpenAiShapes shapes,
            JsonMapper json,
            TokenCounter tokens,
            ProviderCapacity capacity,
            UsageReporter usage,
            ResponseCache cache,
            Budgets budgets,
            Learning learning) {
        Double minLogprob = properties.cascade().minMeanLogprob();
        QualityGates gates = new QualityGates(
                new JacksonJsonInspector(json),
                minLogprob == null ? OptionalDouble.empty() : OptionalDouble.of(minLogprob));
        return new ChatCompletionService(
                plans, providers, health, gates, verifier, metrics, shapes, tokens, capacity, usage, cache, budgets,
                learning);
    }

    @Bean(destroyMethod = "close")
    RedisStreamUsageEvents usageEvents(
            ReactiveStringRedisTemplate redis,
            JsonMapper json,
            RoutingProperties properties,
            MeterRegistry meters,
            LoopTimers timers) {
        RoutingProperties.UsageProperties usage = properties.usage();
        return new RedisStreamUsageEvents(
                redis, UsageEvent.STREAM, json, usage.backlog(), usage.retryEvery(), meters, timers);
    }

    @Bean
    ResponseCache responseCache(
            RoutingProperties properties,
            InternalProperties internal,
            WebClient.Builder builder,
            JsonMapper json,
            ReactiveStringRedisTemplate redis,
            MeterRegistry meters,
            LoopTimers timers) {
        RoutingProperties.CacheProperties cache = properties.cache();
        if (!cache.enabled()) {
            return ResponseCache.NONE;
        }
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS);
        WebClient web = builder.clone()
                .baseUrl(cache.url().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        HttpResponseCache service = new HttpResponseCache(
                web, json, internal.token(), cache.lookupBudget(), cache.storeTimeout(), cache.exactFromRedis());
        return cache.exactFromRedis()
                ? new RedisExactResponseCache(
                        redis,
                        json,
                        service,
                        cache.lookupBudget(),
                        meters,
                        service::storePolicy,
                        Clock.systemUTC(),
                        timers)
                : service;
    }

    @Bean
    Budgets budgets(
            RoutingProperties properties,
            InternalProperties internal,
            WebClient.Builder builder,
            JsonMapper json,
            ReactiveStringRedisTemplate redis,
            Clock clock,
            MeterRegistry meters,
            LoopTimers timers) {
        RoutingProperties.BudgetProperties budget = properties.budget();
        if (!budget.enabled()) {
            return Budgets.NONE;
        }
        WebClient web = builder.clone()
                .baseUrl(budget.url().toString())
                .clientConnector(new ReactorClientHttpConnector(
                        HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)))
                .build();
        HttpBudgets billing = new HttpBudgets(web, json, internal.token(), budget.timeout());
        return budget.redisHolds()
                ? new RedisBudgets(redis, billing, budget.timeout(), budget.holdTtl(), clock, meters, timers)
                : billing;
    }

    @Bean
    UsageReporter usageReporter(ModelCatalog catalog, UsageEvents events) {
        return new UsageReporter(catalog, events);
    }

    @Bean
    InternalTokenWebFilter internalTokenWebFilter(InternalProperties internal) {
        return new InternalTokenWebFilter(internal.token());
    }

    @Bean
    OpenAiErrorWebExceptionHandler openAiErrorWebExceptionHandler(JsonMapper json) {
        return new OpenAiErrorWebExceptionHandler(json);
    }
}
