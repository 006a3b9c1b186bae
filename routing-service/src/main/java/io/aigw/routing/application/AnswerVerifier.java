package io.aigw.routing.application;

import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * A last check of a cheap answer in a cascade, after the generic gates passed: for example a judge
 * model asked whether the answer answers the question. The check's own calls are recorded in the
 * trail, so their cost is billed.
 */
public interface AnswerVerifier {

    /** True to accept the answer, false to escalate it; an error accepts it (the gates already passed). */
    Mono<Boolean> accepts(ChatCommand command, ObjectNode answer, RequestTrail trail);

    /** Accepts everything: no verifier configured. */
    AnswerVerifier NONE = (command, answer, trail) -> Mono.just(true);
}
