package io.aigw.routing.application;

import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.EscalationReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Everything known about a client request once it is over: for metrics now, usage events later.
 *
 * @param deployment the deployment whose answer the client got; null when none answered
 * @param attempts every call made, the wasted ones of a cascade included
 * @param cost the total cost of all attempts (what the tenant pays)
 */
public record FinishedRequest(
        String requestId,
        String tenant,
        String requestedModel,
        Deployment deployment,
        int status,
        List<Attempt> attempts,
        List<EscalationReason> escalations,
        Usage usage,
        BigDecimal cost,
        Duration latency,
        boolean stream) {

    public FinishedRequest {
        attempts = List.copyOf(attempts);
        escalations = List.copyOf(escalations);
    }
}
