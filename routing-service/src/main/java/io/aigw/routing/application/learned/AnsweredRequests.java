package io.aigw.routing.application.learned;

import reactor.core.publisher.Mono;

/** The recently answered requests, kept for a bounded time for feedback to refer to. */
public interface AnsweredRequests {

    /** Nothing is remembered: every feedback refers to an unknown request. */
    AnsweredRequests NONE = new AnsweredRequests() {
        @Override
        public void remember(AnsweredRequest request) {}

        @Override
        public Mono<AnsweredRequest> find(String requestId) {
            return Mono.empty();
        }
    };

    /** Fire and forget: a request whose memory is lost only cannot get feedback; never fails. */
    void remember(AnsweredRequest request);

    /** The request, or empty when unknown or forgotten. */
    Mono<AnsweredRequest> find(String requestId);
}
