package io.aigw.routing.application;

import io.aigw.routing.application.learned.Learning;
import io.aigw.routing.domain.CachePolicy;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.EscalationReason;
import io.aigw.routing.domain.ModelCatalog;
import io.aigw.routing.domain.PlannedDeployment;
import io.aigw.routing.domain.QualityGates;
import io.aigw.routing.domain.RoutePlan;
import io.aigw.routing.domain.RoutingException;
import io.aigw.routing.domain.RoutingException.InvalidRequest;
import io.aigw.routing.domain.RoutingException.UpstreamFailure;
import io.aigw.routing.domain.RoutingException.UpstreamTimeout;
import io.aigw.routing.domain.TokenCounter;
import io.aigw.routing.domain.Tokenizer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a chat completion along its route plan: the cheapest qualifying deployment first; on a
 * retriable failure before anything reached the client, the next one; in a cascade, an answer that
 * fails a quality gate goes up to the next tier. Breakers, cooldowns and latency statistics learn from
 * every call.
 */
public class ChatCompletionService {

    private final RoutePlans plans;
    private final ProviderClient providers;
    private final DeploymentHealth health;
    private final QualityGates gates;
    private final AnswerVerifier verifier;
    private final RoutingMetrics metrics;
    private final OpenAiShapes shapes;
    private final TokenCounter tokens;
    private final ProviderCapacity capacity;
    private final UsageReporter usage;
    private final ResponseCache cache;
    private final Budgets budgets;
    private final Learning learning;

    public ChatCompletionService(
            RoutePlans plans,
            ProviderClient providers,
            DeploymentHealth health,
            QualityGates gates,
            AnswerVerifier verifier,
            RoutingMetrics metrics,
            OpenAiShapes shapes,
            TokenCounter tokens,
            ProviderCapacity capacity,
            UsageReporter usage,
            ResponseCache cache,
            Budgets budgets,
            Learning learning) {
        this.budgets = budgets;
        this.learning = learning;
        this.capacity = capacity;
        this.usage = usage;
        this.cache = cache;
        this.plans = plans;
        this.providers = providers;
        this.health = health;
        this.gates = gates;
        this.verifier = verifier;
        this.metrics = metrics;
        this.shapes = shapes;
        this.tokens = tokens;
    }

    public ModelCatalog catalog() {
        return plans.catalog();
    }

    /** Fails with 404 {@code model_not_found} before anything else is asked: the cache included. */
    public void requireKnownModel(ChatCommand command) {
        if (plans.catalog().resolve(command.request().model()).isEmpty()) {
            throw new RoutingException.ModelNotFound(command.request().model());
        }
    }

    /**
     * Asks the cache, as far as the client allows; a hit is recorded in the trail. Never fails: a
     * broken cache is a miss.
     */
    public Mono<CachedAnswer> lookup(ChatCommand command, RequestTrail trail) {
        if (command.cache().lookup() == CachePolicy.Lookup.OFF) {
            trail.cacheBypassed();
            return Mono.just(CachedAnswer.MISS);
        }
        return cache.lookup(command.tenant(), command.body(), command.cache().lookup())
                .doOnNext(found -> {
                    if (found.isHit()) {
                        trail.servedFromCache(found);
                    }
                });
    }

    /** A fresh, complete answer is offered to the cache unless the client said no-store. */
    private void offerToCache(ChatCommand command, ObjectNode answer, RequestTrail trail) {
        if (command.cache().store()) {
            cache.store(command.tenant(), command.body(), answer, trail.cost());
        }
    }

    /**
     * Places a hold of the request's most expensive outcome on the tenant's budget: every candidate
     * tried in a cascade, the dearest one otherwise. Fails with 429 {@code insufficient_quota} when the
     * budget cannot cover it.
     */
    public Mono<RoutePlan> holdBudget(ChatCommand command, RoutePlan plan, RequestTrail trail) {
        BigDecimal maxCost = plan.isCascade()
                ? plan.candidates().stream()
                        .map(PlannedDeployment::estimatedCost)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                : plan.candidates().stream()
                        .map(PlannedDeployment::estimatedCost)
                        .max(BigDecimal::compareTo)
                        .orElse(BigDecimal.ZERO);
        return budgets.hold(command.tenant(), maxCost).doOnNext(trail::held).thenReturn(plan);
    }

    /** The plan for a request; fails with the error a client should see when nothing qualifies. */
    public RoutePlan plan(ChatCommand command) {
        return learning.plan(command, plans.plan(command));
    }

    public Mono<ObjectNode> complete(ChatCommand command, RoutePlan plan, RequestTrail trail) {
        if (command.embeddings()) {
            // vectors are neither cached nor rated: nothing to offer, nothing to remember for feedback
            return attempt(command, plan, 0, trail, null);
        }
        return attempt(command, plan, 0, trail, null)
                .doOnNext(answer -> offerToCache(command, answer, trail))
                .doOnNext(answer -> learning.answered(command, trail.answered()));
    }

    /**
     * Streams the answer chunk by chunk. {@code onFirstChunk} runs once, before the first chunk is
     * passed on, with the deployment that answers — the last moment response headers can be set. A
     * cascade must check the whole answer before the client sees any of it, so it completes first and
     * replays the accepted answer as chunks.
     */
    public Flux<String> stream(
            ChatCommand command, RoutePlan plan, RequestTrail trail, Consumer<PlannedDeployment> onFirstChunk) {
        if (plan.isCascade()) {
            return complete(command, plan, trail)
                    .doOnNext(answer -> onFirstChunk.accept(trail.answered()))
                    .flatMapIterable(
                            answer -> shapes.asChunks(answer, command.request().includeUsage()));
        }
        return streamAttempt(command, plan, 0, trail, onFirstChunk, null);
    }

    /** A cached completion as the chunks of a stream. */
    public List<String> replay(ObjectNode completion, boolean includeUsage) {
        return shapes.asChunks(completion, includeUsage);
    }

    /** Reports a finished request to everyone who wants to know. */
    public void finished(FinishedRequest request) {
        metrics.finished(request);
        usage.report(request);
    }

    private Mono<ObjectNode> attempt(
            ChatCommand command, RoutePlan plan, int index, RequestTrail trail, RoutingException previous) {
        if (index >= plan.candidates().size()) {
            return Mono.error(previous != null ? previous : plans.noCapacity(plan, trail.capacityWait()));
        }
        PlannedDeployment planned = plan.candidates().get(index);
        Deployment deployment = planned.deployment();
        Optional<BreakerPermit> acquired = BreakerPermit.acquire(health, deployment);
        if (acquired.isEmpty()) {
            return attempt(command, plan, index + 1, trail, previous);
        }
        BreakerPermit permit = acquired.get();
        return capacity.reserve(planned, trail.nextReservationId(command.requestId()))
                .flatMap(reservation -> {
                    if (!reservation.granted()) {
                        skipForHeadroom(permit, deployment, reservation, trail);
                        return attempt(command, plan, index + 1, trail, previous);
                    }
                    return call(command, plan, index, trail, planned, reservation, permit);
                })
                // cancelled, or failed in a way no provider caused, before the call was judged
                .doFinally(signal -> permit.notJudged());
    }

    private Mono<ObjectNode> call(
            ChatCommand command,
            RoutePlan plan,
            int index,
            RequestTrail trail,
            PlannedDeployment planned,
            Reservation reservation,
            BreakerPermit permit) {
        Deployment deployment = planned.deployment();
        trail.called();
        long start = System.nanoTime();
        Mono<ObjectNode> answered = command.embeddings()
                ? providers.embed(deployment, command.body())
                : providers.complete(deployment, shapes.upstreamBody(command.body(), false));
        return answered.flatMap(answer -> {
                    Duration took = since(start);
                    permit.succeeded(took);
                    metrics.attempt(deployment, "success", took);
                    Usage usage = usage(planned, answer);
                    capacity.settle(reservation, usage.total());
                    return judge(command, plan, index, trail, planned, answer, usage);
                })
                .onErrorResume(RoutingException.class, error -> {
                    giveBack(reservation, error);
                    boolean retry = failed(permit, deployment, error, since(start));
                    if (retry && index + 1 < plan.candidates().size()) {
                        metrics.fallback(deployment, reasonOf(error));
                        return attempt(command, plan, index + 1, trail, error);
                    }
                    return Mono.error(error);
                });
    }

    private void skipForHeadroom(
            BreakerPermit permit, Deployment deployment, Reservation reservation, RequestTrail trail) {
        // the breaker let the call through, but it was never made: it must not count as judged
        permit.notJudged();
        trail.noHeadroom(reservation.retryAfter());
        metrics.fallback(deployment, "no_headroom");
    }

    /**
     * A provider that answered with an error status did no work and (like OpenAI and Anthropic) counts
     * nothing: the reservation goes back. A timeout or a cut stream may have been counted, so it keeps
     * its estimate. A 429 tells every replica to leave the provider alone until it says so.
     */
    private void giveBack(Reservation reservation, RoutingException error) {
        if (error instanceof UpstreamFailure failure && failure.upstreamStatus() > 0) {
            capacity.release(reservation);
            if (failure.upstreamStatus() == 429) {
                failure.retryAfter().ifPresent(wait -> capacity.clamp(reservation.deployment(), wait));
            }
        } else if (error instanceof InvalidRequest) {
            capacity.release(reservation);
        }
    }

    /** Applies the cascade's gates and verifier to an answer; accepts it or escalates. */
    private Mono<ObjectNode> judge(
            ChatCommand command,
            RoutePlan plan,
            int index,
            RequestTrail trail,
            PlannedDeployment planned,
            ObjectNode answer,
            Usage usage) {
        int next = plan.isCascade() ? nextHigherTier(plan, index) : -1;
        if (next < 0) {
            return accept(trail, planned, answer, usage);
        }
        Optional<EscalationReason> failure = gates.firstFailure(shapes.answerOf(answer), command.request());
        if (failure.isPresent()) {
            return escalate(command, plan, next, trail, planned, usage, failure.get());
        }
        return verifier.accepts(command, answer, trail)
                .onErrorReturn(true)
                .flatMap(ok -> ok
                        ? accept(trail, planned, answer, usage)
                        : escalate(command, plan, next, trail, planned, usage, EscalationReason.VERIFIER_REJECTED));
    }

    private Mono<ObjectNode> accept(RequestTrail trail, PlannedDeployment planned, ObjectNode answer, Usage usage) {
        trail.add(new Attempt(planned.deployment(), usage, cost(planned.deployment(), usage), null));
        trail.answeredBy(planned);
        return Mono.just(answer);
    }

    private Mono<ObjectNode> escalate(
            ChatCommand command,
            RoutePlan plan,
            int next,
            RequestTrail trail,
            PlannedDeployment planned,
            Usage usage,
            EscalationReason reason) {
        trail.add(new Attempt(planned.deployment(), usage, cost(planned.deployment(), usage), reason));
        metrics.escalation(command.request().model(), planned.deployment(), reason);
        return attempt(command, plan, next, trail, null);
    }

    private Flux<String> streamAttempt(
            ChatCommand command,
            RoutePlan plan,
            int index,
            RequestTrail trail,
            Consumer<PlannedDeployment> onFirstChunk,
            RoutingException previous) {
        if (index >= plan.candidates().size()) {
            return Flux.error(previous != null ? previous : plans.noCapacity(plan, trail.capacityWait()));
        }
        PlannedDeployment planned = plan.candidates().get(index);
        Deployment deployment = planned.deployment();
        Optional<BreakerPermit> acquired = BreakerPermit.acquire(health, deployment);
        if (acquired.isEmpty()) {
            return streamAttempt(command, plan, index + 1, trail, onFirstChunk, previous);
        }
        BreakerPermit permit = acquired.get();
        return capacity.reserve(planned, trail.nextReservationId(command.requestId()))
                .flatMapMany(reservation -> {
                    if (!reservation.granted()) {
                        skipForHeadroom(permit, deployment, reservation, trail);
                        return streamAttempt(command, plan, index + 1, trail, onFirstChunk, previous);
                    }
                    return streamCall(command, plan, index, trail, onFirstChunk, planned, reservation, permit);
                })
                // cancelled before the first chunk, or failed in a way no provider caused
                .doFinally(signal -> permit.notJudged());
    }

    private Flux<String> streamCall(
            ChatCommand command,
            RoutePlan plan,
            int index,
            RequestTrail trail,
            Consumer<PlannedDeployment> onFirstChunk,
            PlannedDeployment planned,
            Reservation reservation,
            BreakerPermit permit) {
        Deployment deployment = planned.deployment();
        trail.called();
        long start = System.nanoTime();
        AtomicBoolean started = new AtomicBoolean();
        StreamMeter meter = new StreamMeter();
        boolean clientWantsUsage = command.request().includeUsage();
        return providers.stream(deployment, shapes.upstreamBody(command.body(), true))
                .doOnNext(chunk -> {
                    if (started.compareAndSet(false, true)) {
                        Duration ttft = since(start);
                        permit.succeeded(ttft);
                        metrics.timeToFirstToken(deployment, ttft);
                        trail.answeredBy(planned);
                        onFirstChunk.accept(planned);
                    }
                })
                .filter(chunk -> {
                    boolean forClient = meter.read(chunk);
                    return forClient || clientWantsUsage;
                })
                .doOnComplete(() -> {
                    Usage usage = meter.usage(planned);
                    capacity.settle(reservation, usage.total());
                    trail.add(new Attempt(deployment, usage, cost(deployment, usage), null));
                    metrics.attempt(deployment, "success", since(start));
                    meter.assembled(usage).ifPresent(answer -> offerToCache(command, answer, trail));
                    learning.answered(command, planned);
                })
                // a client that hung up is billed what was generated until then, as providers do
                .doOnCancel(
                        () -> capacity.settle(reservation, meter.usage(planned).total()))
                .onErrorResume(RoutingException.class, error -> {
                    if (started.get()) {
                        // bytes reached the client: no fallback now; bill what was produced. The
                        // permit was judged at the first chunk; the cut still counts against the breaker
                        health.failed(deployment, since(start), error);
                        metrics.attempt(deployment, "stream_cut", since(start));
                        Usage usage = meter.usage(planned);
                        capacity.settle(reservation, usage.total());
                        trail.add(new Attempt(deployment, usage, cost(deployment, usage), null));
                        return Flux.error(error);
                    }
                    giveBack(reservation, error);
                    boolean retry = failed(permit, deployment, error, since(start));
                    if (retry && index + 1 < plan.candidates().size()) {
                        metrics.fallback(deployment, reasonOf(error));
                        return streamAttempt(command, plan, index + 1, trail, onFirstChunk, error);
                    }
                    return Flux.error(error);
                });
    }

    /** Records a failed call; true when the next deployment may be tried. */
    private boolean failed(BreakerPermit permit, Deployment deployment, RoutingException error, Duration took) {
        if (error instanceof InvalidRequest) {
            permit.notJudged();
            metrics.attempt(deployment, "client_error", took);
            return false;
        }
        permit.failed(took, error);
        metrics.attempt(deployment, error instanceof UpstreamTimeout ? "timeout" : "upstream_error", took);
        return error instanceof UpstreamTimeout || (error instanceof UpstreamFailure f && f.retriable());
    }

    private static String reasonOf(RoutingException error) {
        if (error instanceof UpstreamTimeout) {
            return "timeout";
        }
        if (error instanceof UpstreamFailure failure) {
            return failure.upstreamStatus() == 0 ? "connection" : Integer.toString(failure.upstreamStatus());
        }
        return "other";
    }

    /** The next candidate whose tier is higher: escalation buys quality, not just another try. */
    private static int nextHigherTier(RoutePlan plan, int index) {
        int tier = plan.candidates().get(index).deployment().model().tier();
        List<PlannedDeployment> candidates = plan.candidates();
        for (int i = index + 1; i < candidates.size(); i++) {
            if (candidates.get(i).deployment().model().tier() > tier) {
                return i;
            }
        }
        return -1;
    }

    /** The provider's usage, or — when it reported none — the estimate and a count of the answer. */
    private Usage usage(PlannedDeployment planned, ObjectNode answer) {
        // an embeddings answer has no choices: without usage, only the estimated input counts
        return shapes.usageOf(answer)
                .orElseGet(() -> new Usage(
                        planned.promptTokens(),
                        answer.path("choices").isArray()
                                ? count(planned, shapes.answerOf(answer).content())
                                : 0,
                        0));
    }

    private long count(PlannedDeployment planned, String text) {
        return tokens.count(Tokenizer.forModel(planned.deployment().model().upstreamModel()), text);
    }

    private static BigDecimal cost(Deployment deployment, Usage usage) {
        return deployment.model().price().cost(usage.promptTokens(), usage.completionTokens());
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Reads usage and content from the chunks of one streamed call. */
    private final class StreamMeter {
        private final AtomicReference<Usage> reported = new AtomicReference<>();
        private final StringBuilder content = new StringBuilder();
        private JsonNode first;
        private String finishReason;
        private boolean plainText = true;

        /** Reads a chunk; false when it is the usage-only chunk the client did not ask for. */
        synchronized boolean read(String chunk) {
            if (chunk.strip().equals("[DONE]")) {
                return true;
            }
            JsonNode node = shapes.parse(chunk);
            if (first == null) {
                first = node;
            }
            shapes.usageOf(node).ifPresent(reported::set);
            content.append(shapes.contentDelta(node));
            JsonNode choice = node.path("choices").path(0);
            if (choice.path("delta").has("tool_calls") || node.path("choices").size() > 1) {
                plainText = false;
            }
            if (choice.path("finish_reason").isString()) {
                finishReason = choice.path("finish_reason").stringValue();
            }
            return !shapes.isUsageOnly(node);
        }

        /**
         * The streamed answer as one completion, for the cache; only a plain text answer that finished
         * can be put back together faithfully.
         */
        synchronized Optional<ObjectNode> assembled(Usage usage) {
            if (first == null || !plainText || finishReason == null) {
                return Optional.empty();
            }
            return Optional.of(shapes.completion(first, content.toString(), finishReason, usage));
        }

        synchronized Usage usage(PlannedDeployment planned) {
            Usage usage = reported.get();
            return usage != null ? usage : new Usage(planned.promptTokens(), count(planned, content.toString()), 0);
        }
    }
}
