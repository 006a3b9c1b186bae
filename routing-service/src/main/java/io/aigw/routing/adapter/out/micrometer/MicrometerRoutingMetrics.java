package io.aigw.routing.adapter.out.micrometer;

import io.aigw.routing.application.FinishedRequest;
import io.aigw.routing.application.RoutingMetrics;
import io.aigw.routing.domain.CapacityScope;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.EscalationReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Routing's metrics in Prometheus (DESIGN.md "Metrics"), plus the OpenTelemetry GenAI names so
 * existing GenAI dashboards work. Labels stay bounded: models and providers come from the catalog
 * (never the client's raw {@code model} value), tenants only where an operator needs them.
 */
public class MicrometerRoutingMetrics implements RoutingMetrics {

    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> headroom = new ConcurrentHashMap<>();

    public MicrometerRoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
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
        Timer.builder("aigw_upstream_duration")
                .description(
                        "Calls to providers, by outcome (success, client_error, upstream_error, timeout, stream_cut)")
                .tags(deploymentTags(deployment).and("outcome", outcome))
                .publishPercentileHistogram()
                .register(registry)
                .record(duration);
    }

    @Override
    public void timeToFirstToken(Deployment deployment, Duration ttft) {
        Timer.builder("aigw_time_to_first_token")
                .description("Time from sending a streamed call to its first chunk")
                .tags(deploymentTags(deployment))
                .publishPercentileHistogram()
                .register(registry)
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
        Counter.builder("aigw_provider_reservations")
                .description("Provider RPM/TPM reservations by outcome (granted, refused); store shared or local")
                .tags(deploymentTags(deployment).and("outcome", outcome).and("store", local ? "local" : "shared"))
                .register(registry)
                .increment();
    }

    @Override
    public void settleDelta(Deployment deployment, long delta) {
        DistributionSummary.builder("aigw_reservation_settle_delta_tokens")
                .description("Real tokens minus the reserved estimate, per settled call (negative: refund)")
                .tags(deploymentTags(deployment).and("direction", delta > 0 ? "overdraft" : "refund"))
                .register(registry)
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
        String tier =
                answered == null ? NONE : Integer.toString(answered.model().tier());
        Tags tags = deploymentTags(answered).and("tier", tier);
        Counter.builder("aigw_requests")
                .description("Finished chat completion requests")
                .tags(tags.and("tenant", request.tenant())
                        .and("status", status)
                        .and("cache", request.cache())
                        .and("stream", Boolean.toString(request.stream())))
                .register(registry)
                .increment();
        Timer.builder("aigw_request_duration")
                .description("Whole request time inside routing, all attempts included")
                .tags(tags.and("status", status))
                .publishPercentileHistogram()
                .register(registry)
                .record(request.latency());
        if (request.usage().promptTokens() > 0 || request.usage().completionTokens() > 0) {
            tokens(tags, "prompt", request.usage().promptTokens());
            tokens(tags, "completion", request.usage().completionTokens());
        }
        Counter.builder("aigw_cost_usd")
                .description("What answers cost in USD at list prices, wasted cascade attempts included")
                .tags(tags.and("tenant", request.tenant()))
                .register(registry)
                .increment(request.cost().doubleValue());
        if (request.saved() != null && request.saved().signum() > 0) {
            Counter.builder("aigw_saved_usd")
                    .description("What cache hits saved in USD: the cost of the answers when they were made")
                    .tags(Tags.of("tenant", request.tenant(), "cache", request.cache()))
                    .register(registry)
                    .increment(request.saved().doubleValue());
        }
        genAi(request, answered);
    }

    private void tokens(Tags tags, String type, long count) {
        Counter.builder("aigw_tokens")
                .description("Tokens by type")
                .tags(tags.and("type", type))
                .register(registry)
                .increment(count);
    }

    /** The OpenTelemetry GenAI client metrics (semantic conventions for generative AI). */
    private void genAi(FinishedRequest request, Deployment answered) {
        String system =
                answered == null ? NONE : answered.provider().type().name().toLowerCase(Locale.ROOT);
        String model = answered == null ? NONE : answered.model().name();
        Tags tags = Tags.of(
                "gen_ai.operation.name", "chat",
                "gen_ai.system", system,
                "gen_ai.provider.name", system,
                "gen_ai.request.model", model,
                "gen_ai.response.model",
                        answered == null ? NONE : answered.model().upstreamModel());
        Timer.builder("gen_ai.client.operation.duration")
                .description("GenAI operation duration")
                .tags(tags.and("error.type", request.status() >= 400 ? Integer.toString(request.status()) : NONE))
                .publishPercentileHistogram()
                .register(registry)
                .record(request.latency());
        if (answered != null) {
            summary(tags.and("gen_ai.token.type", "input"), request.usage().promptTokens());
            summary(tags.and("gen_ai.token.type", "output"), request.usage().completionTokens());
        }
    }

    private void summary(Tags tags, long tokens) {
        DistributionSummary.builder("gen_ai.client.token.usage")
                .description("Tokens used per GenAI operation")
                .baseUnit("tokens")
                .tags(tags)
                .publishPercentileHistogram()
                .register(registry)
                .record(tokens);
    }
}
