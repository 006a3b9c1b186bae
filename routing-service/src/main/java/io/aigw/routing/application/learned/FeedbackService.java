package io.aigw.routing.application.learned;

import io.aigw.routing.application.learned.LearnedMetrics.ScoreKind;
import java.time.Clock;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /v1/feedback}: scores an earlier answer of the same tenant. The prompt is embedded here,
 * off the event loop, so requests that never get feedback never pay for an embedding.
 */
public final class FeedbackService {

    private final AnsweredRequests answered;
    private final PromptEmbedder embedder;
    private final FeedbackStore store;
    private final TenantFeedback feedback;
    private final Clock clock;
    private final LearnedMetrics metrics;

    public FeedbackService(
            AnsweredRequests answered,
            PromptEmbedder embedder,
            FeedbackStore store,
            TenantFeedback feedback,
            Clock clock,
            LearnedMetrics metrics) {
        this.answered = answered;
        this.embedder = embedder;
        this.store = store;
        this.feedback = feedback;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Stores the feedback; fails with {@link UnknownRequestException} when the request is unknown,
     * forgotten, or another tenant's (the same answer, so ids of other tenants cannot be probed).
     */
    public Mono<FeedbackEntry> record(String tenant, String requestId, double score) {
        return answered.find(requestId)
                .filter(request -> request.tenant().equals(tenant))
                .switchIfEmpty(Mono.error(() -> new UnknownRequestException(requestId)))
                .flatMap(request -> Mono.fromCallable(() -> new FeedbackEntry(
                                requestId,
                                request.model(),
                                request.tier(),
                                score,
                                embedder.embed(request.prompt()),
                                request.prompt().length(),
                                clock.instant()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(entry -> store.save(tenant, entry)
                        .then(Mono.fromRunnable(() -> feedback.add(tenant, entry)))
                        .thenReturn(entry))
                .doOnSuccess(entry -> metrics.feedback("accepted", ScoreKind.of(score)))
                .doOnError(
                        UnknownRequestException.class,
                        error -> metrics.feedback("unknown_request", ScoreKind.of(score)));
    }

    /** A feedback body that could not be read (no request id, no valid score). */
    public void invalid() {
        metrics.feedback("invalid", ScoreKind.NONE);
    }
}
