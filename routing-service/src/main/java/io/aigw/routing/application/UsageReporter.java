package io.aigw.routing.application;

import io.aigw.api.usage.UsageEvent;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.Model;
import io.aigw.routing.domain.ModelCatalog;
import io.aigw.routing.domain.Price;
import java.math.BigDecimal;
import java.util.Objects;

/** Turns a finished request into the usage event billing writes to the ledger, prices stamped. */
public class UsageReporter {

    private final UsageEvents events;
    private final Price topTierPrice;

    public UsageReporter(ModelCatalog catalog, UsageEvents events) {
        this.events = events;
        this.topTierPrice = catalog.topTierReference().map(Model::price).orElse(Price.FREE);
    }

    public void report(FinishedRequest request) {
        events.publish(eventOf(request));
    }

    UsageEvent eventOf(FinishedRequest request) {
        Deployment answered = request.deployment();
        Usage usage = request.usage();
        BigDecimal escalationCost = request.attempts().stream()
                .filter(a -> a.escalatedFor() != null)
                .map(Attempt::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Price stamp = answered == null ? Price.FREE : answered.model().price();
        return new UsageEvent(
                request.requestId(),
                request.tenant(),
                request.keyId(),
                bounded(request.requestedModel()),
                answered == null ? null : answered.model().name(),
                answered == null ? null : answered.provider().id(),
                answered == null ? 0 : answered.model().tier(),
                usage.promptTokens(),
                usage.completionTokens(),
                usage.cachedPromptTokens(),
                Objects.requireNonNullElse(request.cost(), BigDecimal.ZERO),
                Objects.requireNonNullElse(request.saved(), BigDecimal.ZERO),
                topTierPrice.cost(usage.promptTokens(), usage.completionTokens()),
                request.escalations().size(),
                escalationCost,
                request.cache(),
                request.calls(),
                request.status(),
                request.latency().toMillis(),
                request.finishedAt(),
                stamp.inputPerMtok(),
                stamp.outputPerMtok(),
                null,
                request.holdId());
    }

    /**
     * The longest requested model the ledger keeps (billing's {@code UsageRecord}); a client may send
     * any string as {@code model}, and one billing refused would dead-letter the whole event.
     */
    static final int MAX_REQUESTED_MODEL = 200;

    private static String bounded(String requestedModel) {
        if (requestedModel == null || requestedModel.length() <= MAX_REQUESTED_MODEL) {
            return requestedModel;
        }
        int end = Character.isHighSurrogate(requestedModel.charAt(MAX_REQUESTED_MODEL - 1))
                ? MAX_REQUESTED_MODEL - 1
                : MAX_REQUESTED_MODEL;
        return requestedModel.substring(0, end);
    }
}
