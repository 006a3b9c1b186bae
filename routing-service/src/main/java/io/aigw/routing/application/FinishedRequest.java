package io.aigw.routing.application;

import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.EscalationReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything known about a client request once it is over: for metrics now, usage events later.
 *
 * @param deployment the deployment whose answer the client got; null when none answered
 * @param calls how many calls were made to providers, failed ones included ({@code x-aigw-attempts})
 * @param attempts every call that produced an answer, the wasted ones of a cascade included
 * @param cost the total cost of all attempts (what the tenant pays)
 * @param cache {@code hit-exact}, {@code hit-semantic}, {@code miss} or {@code bypass}
 * @param saved what a cache hit saved (the cost of the answer when it was made); 0 otherwise
 * @param holdId the budget hold billing settles from this request's usage event; null when none
 */
public record FinishedRequest(
        String requestId,
        String tenant,
        String keyId,
        String requestedModel,
        Deployment deployment,
        int status,
        int calls,
        List<Attempt> attempts,
        List<EscalationReason> escalations,
        Usage usage,
        BigDecimal cost,
        Duration latency,
        boolean stream,
        Instant finishedAt,
        String cache,
        BigDecimal saved,
        String holdId) {

    public FinishedRequest {
        attempts = List.copyOf(attempts);
        escalations = List.copyOf(escalations);
    }
}
