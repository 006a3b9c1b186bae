package io.aigw.billing.adapter.in.redis;

import io.aigw.api.usage.UsageEvent;
import io.aigw.billing.domain.UsageRecord;
import java.util.Optional;

/** Turns the wire event (api-types) into the ledger's record; the record checks the values. */
public final class UsageEvents {

    private UsageEvents() {}

    public static UsageRecord toRecord(UsageEvent e, String streamEntryId) {
        return new UsageRecord(
                e.requestId(),
                e.tenantId(),
                Optional.ofNullable(e.keyId()),
                Optional.ofNullable(e.requestedModel()),
                Optional.ofNullable(e.model()),
                Optional.ofNullable(e.provider()),
                e.tier(),
                e.promptTokens(),
                e.completionTokens(),
                e.cachedPromptTokens(),
                e.costUsd(),
                e.savedUsd(),
                e.topTierCostUsd(),
                e.escalations(),
                e.escalationCostUsd(),
                e.cache(),
                e.attempts(),
                e.status(),
                e.latencyMs(),
                e.timestamp(),
                Optional.ofNullable(e.inputPricePerMtok()),
                Optional.ofNullable(e.outputPricePerMtok()),
                Optional.ofNullable(e.cachedInputPricePerMtok()),
                Optional.ofNullable(e.holdId()),
                streamEntryId);
    }
}
