package io.aigw.routing.application.learned;

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

    public FeedbackService(
            AnsweredRequests answered, PromptEmbedder embedder, FeedbackStore store, TenantFeedback feedback) {
        this.answered = answered;
        this.embedder = embedder;
        this.store = store;
        this.feedback = feedback;
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
                                requestId, request.model(), request.tier(), score, embedder.embed(request.prompt())))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(entry -> store.save(tenant, entry)
                        .then(Mono.fromRunnable(() -> feedback.add(tenant, entry)))
                        .thenReturn(entry));
    }
}
