package io.aigw.routing.adapter.in.web;

import io.aigw.api.AigwHeaders;
import io.aigw.routing.application.ChatCommand;
import io.aigw.routing.application.RoutingPolicies;
import io.aigw.routing.domain.CachePolicy;
import io.aigw.routing.domain.RoutingException.InvalidRequest;
import io.aigw.routing.domain.TierRange;
import java.util.UUID;

/**
 * What the gateway says about a request in the headers routing trusts (ADR 0003): its id, tenant and
 * key, and the tiers the client allows. Both routed endpoints make their command from these.
 */
record InternalHeaders(String requestId, String tenant, String keyId, String minTier, String maxTier) {

    /** The request's tenant; a direct internal call without the header is {@code unknown}'s. */
    String owner() {
        return tenant == null ? "unknown" : tenant;
    }

    /** The tiers the client allows, capped by a brown-out; a client asking for more gets 403 for it. */
    TierRange tiers(RoutingPolicies policies) {
        int min = tier(minTier, AigwHeaders.MIN_TIER, 1);
        int max = tier(maxTier, AigwHeaders.MAX_TIER, 3);
        if (min > max) {
            throw new InvalidRequest(
                    "'" + AigwHeaders.MIN_TIER + "' must not be above '" + AigwHeaders.MAX_TIER + "'.",
                    AigwHeaders.MIN_TIER);
        }
        return new TierRange(min, max, policies.maxTierFor(owner(), 3));
    }

    ChatCommand command(ChatRequestReader.Parsed parsed, TierRange tiers, CachePolicy cache) {
        return new ChatCommand(
                // the gateway always sends one; a direct internal call gets its own, since the id is the
                // ledger's idempotency key
                requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId,
                owner(),
                keyId,
                parsed.request(),
                parsed.body(),
                tiers,
                cache);
    }

    private static int tier(String value, String header, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int tier = Integer.parseInt(value.strip());
            if (tier >= 1 && tier <= 3) {
                return tier;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new InvalidRequest("'" + header + "' must be 1, 2 or 3.", header);
    }
}
