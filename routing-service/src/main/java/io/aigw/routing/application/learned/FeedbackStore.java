package io.aigw.routing.application.learned;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every tenant's feedback, shared by all routing replicas. Feedback on the same request replaces. */
public interface FeedbackStore {

    Mono<Void> save(String tenant, FeedbackEntry entry);

    Flux<FeedbackEntry> load(String tenant);
}
