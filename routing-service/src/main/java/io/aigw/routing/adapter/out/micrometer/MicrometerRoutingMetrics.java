package io.aigw.routing.adapter.out.micrometer;

import io.aigw.routing.application.FinishedRequest;
import io.aigw.routing.application.RoutingMetrics;
import io.aigw.routing.domain.CapacityScope;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.EscalationReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Routing's metrics in Prometheus (DESIGN.md "Metrics"), plus the OpenTelemetry GenAI names so
 * existing GenAI dashboards work. Labels stay bounded: models and providers come from the catalog
 * (never the client's raw {@code model} value), tenants only where an operator needs them.
 */
public class MicrometerRoutingMetrics implements RoutingMetrics {

    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> headroom = new ConcurrentHashMap<>();
    /**
     * The meters of the request path, once registered. A builder's {@code register} sorts and merges
     * the tags and looks the id up in the registry on every call (about a per cent of routing's CPU
     * per request in the profile); the tags here are a function of the key, so a meter is built once
     * per key. The keys are as many as the registry's series, which it keeps for ever as well.
     */
    private final Map<MeterKey, Meter> meters = new ConcurrentHashMap<>();

    /** What tells the series of one meter name apart; unused parts are null. */
    private record MeterKey(String name, Deployment deployment, String tenant, String a, String b, String c) {

        static MeterKey of(String name, Deployment deployment, String a) {
            return new MeterKey(name, deployment, null, a, null, null);
        }
    }

    public MicrometerRoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @SuppressWarnings("unchecked")
    private <M extends Meter> M meter(MeterKey key, Supplier<M> register) {
        Meter meter = meters.get(key);
        if (meter == null) {
            meter = meters.computeIfAbsent(key, k -> register.get());
        }
        return (M) meter;
    }

    private static Tags deploymentTags(Deployment deployment) {
        return deployment == null
                ? Tags.of("provider", NONE, "model", NONE)
                : Tags.of(
                        "provider",
                        deployment.provider().id(),
                        "model",
                        deployment.model().name());
    }

    @Override
    public void attempt(Deployment deployment, String outcome, Duration duration) {
        this.<Timer>meter(MeterKey.of("aigw_upstream_duration", deployment, outcome), () -> Timer.builder(
                                "aigw_upstream_duration")
                        .description(
                                "Calls to providers, by outcome (success, client_error, upstream_error, timeout, stream_cut)")
                        .tags(deploymentTags(deployment).and("outcome", outcome))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(duration);
    }

    @Override
    public void timeToFirstToken(Deployment deployment, Duration ttft) {
        this.<Timer>meter(MeterKey.of("aigw_time_to_first_token", deployment, null), () -> Timer.builder(
                                "aigw_time_to_first_token")
                        .description("Time from sending a streamed call to its first chunk")
                        .tags(deploymentTags(deployment))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(ttft);
    }

    @Override
    public void fallback(Deployment from, String reason) {
        Counter.builder("aigw_fallbacks")
                .description("Failed calls that moved on to the next deployment of the plan")
                .tags(deploymentTags(from).and("reason", reason))
                .register(registry)
                .increment();
    }

    @Override
    public void escalation(String group, Deployment from, EscalationReason reason) {
        Counter.builder("aigw_cascade_escalations")
                .description("Cascade answers that failed a quality gate and went up a tier")
                .tags(deploymentTags(from)
                        .and("tier", Integer.toString(from.model().tier()))
                        .and("reason", reason.label()))
                .register(registry)
                .increment();
    }

    @Override
    public void reservation(Deployment deployment, String outcome, boolean local) {
        String store = local ? "local" : "shared";
        this.<Counter>meter(
                        new MeterKey("aigw_provider_reservations", deployment, null, outcome, store, null),
                        () -> Counter.builder("aigw_provider_reservations")
                                .description(
                                        "Provider RPM/TPM reservations by outcome (granted, refused); store shared or local")
                                .tags(deploymentTags(deployment)
                                        .and("outcome", outcome)
                                        .and("store", store))
                                .register(registry))
                .increment();
    }

    @Override
    public void settleDelta(Deployment deployment, long delta) {
        String direction = delta > 0 ? "overdraft" : "refund";
        this.<DistributionSummary>meter(
                        MeterKey.of("aigw_reservation_settle_delta_tokens", deployment, direction),
                        () -> DistributionSummary.builder("aigw_reservation_settle_delta_tokens")
                                .description(
                                        "Real tokens minus the reserved estimate, per settled call (negative: refund)")
                                .tags(deploymentTags(deployment).and("direction", direction))
                                .register(registry))
                .record(Math.abs(delta));
    }

    @Override
    public void headroom(CapacityScope scope, long requests, long tokens) {
        if (requests >= 0) {
            headroomGauge(scope, "requests").set(requests);
        }
        if (tokens >= 0) {
            headroomGauge(scope, "tokens").set(tokens);
        }
    }

    private AtomicLong headroomGauge(CapacityScope scope, String kind) {
        return headroom.computeIfAbsent(scope.provider() + "|" + scope.name() + "|" + kind, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("aigw_provider_headroom", value, AtomicLong::get)
                    .description("What is left of a provider limit in the current minute, as last reserved")
                    .tags("provider", scope.provider(), "scope", scope.name(), "kind", kind)
                    .register(registry);
            return value;
        });
    }

    @Override
    public void capacityFallback(BooleanSupplier active) {
        Gauge.builder("aigw_provider_limits_fallback", active, a -> a.getAsBoolean() ? 1 : 0)
                .description("1 while provider limits are counted per replica because Redis is out of reach")
                // Micrometer holds a gauge's object weakly: a lambda nobody else keeps is collected and
                // the gauge reads NaN from then on
                .strongReference(true)
                .register(registry);
    }

    @Override
    public void finished(FinishedRequest request) {
        Deployment answered = request.deployment();
        String status = Integer.toString(request.status());
        String tenant = request.tenant();
        String cache = request.cache();
        String stream = Boolean.toString(request.stream());
        this.<Counter>meter(
                        new MeterKey("aigw_requests", answered, tenant, status, cache, stream),
                        () -> Counter.builder("aigw_requests")
                                .description("Finished chat completion requests")
                                .tags(requestTags(answered)
                                        .and("tenant", tenant)
                                        .and("status", status)
                                        .and("cache", cache)
                                        .and("stream", stream))
                                .register(registry))
                .increment();
        this.<Timer>meter(MeterKey.of("aigw_request_duration", answered, status), () -> Timer.builder(
                                "aigw_request_duration")
                        .description("Whole request time inside routing, all attempts included")
                        .tags(requestTags(answered).and("status", status))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(request.latency());
        if (request.usage().promptTokens() > 0 || request.usage().completionTokens() > 0) {
            tokens(answered, "prompt", request.usage().promptTokens());
            tokens(answered, "completion", request.usage().completionTokens());
        }
        this.<Counter>meter(new MeterKey("aigw_cost_usd", answered, tenant, null, null, null), () -> Counter.builder(
                                "aigw_cost_usd")
                        .description("What answers cost in USD at list prices, wasted cascade attempts included")
                        .tags(requestTags(answered).and("tenant", tenant))
                        .register(registry))
                .increment(request.cost().doubleValue());
        if (request.saved() != null && request.saved().signum() > 0) {
            this.<Counter>meter(new MeterKey("aigw_saved_usd", null, tenant, cache, null, null), () -> Counter.builder(
                                    "aigw_saved_usd")
                            .description("What cache hits saved in USD: the cost of the answers when they were made")
                            .tags(Tags.of("tenant", tenant, "cache", cache))
                            .register(registry))
                    .increment(request.saved().doubleValue());
        }
        genAi(request, answered);
    }

    /** The tags every request meter has: the deployment that answered and its tier. */
    private static Tags requestTags(Deployment answered) {
        return deploymentTags(answered)
                .and(
                        "tier",
                        answered == null
                                ? NONE
                                : Integer.toString(answered.model().tier()));
    }

    private void tokens(Deployment answered, String type, long count) {
        this.<Counter>meter(MeterKey.of("aigw_tokens", answered, type), () -> Counter.builder("aigw_tokens")
                        .description("Tokens by type")
                        .tags(requestTags(answered).and("type", type))
                        .register(registry))
                .increment(count);
    }

    /** The OpenTelemetry GenAI client metrics (semantic conventions for generative AI). */
    private void genAi(FinishedRequest request, Deployment answered) {
        String errorType = request.status() >= 400 ? Integer.toString(request.status()) : NONE;
        this.<Timer>meter(MeterKey.of("gen_ai.client.operation.duration", answered, errorType), () -> Timer.builder(
                                "gen_ai.client.operation.duration")
                        .description("GenAI operation duration")
                        .tags(genAiTags(answered).and("error.type", errorType))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(request.latency());
        if (answered != null) {
            summary(answered, "input", request.usage().promptTokens());
            summary(answered, "output", request.usage().completionTokens());
        }
    }

    private static Tags genAiTags(Deployment answered) {
        String system =
                answered == null ? NONE : answered.provider().type().name().toLowerCase(Locale.ROOT);
        String model = answered == null ? NONE : answered.model().name();
        return Tags.of(
                "gen_ai.operation.name", "chat",
                "gen_ai.system", system,
                "gen_ai.provider.name", system,
                "gen_ai.request.model", model,
                "gen_ai.response.model",
                        answered == null ? NONE : answered.model().upstreamModel());
    }

    private void summary(Deployment answered, String type, long tokens) {
        this.<DistributionSummary>meter(
                        MeterKey.of("gen_ai.client.token.usage", answered, type),
                        () -> DistributionSummary.builder("gen_ai.client.token.usage")
                                .description("Tokens used per GenAI operation")
                                .baseUnit("tokens")
                                .tags(genAiTags(answered).and("gen_ai.token.type", type))
                                .publishPercentileHistogram()
                                .register(registry))
                .record(tokens);
    }
}
