package io.aigw.routing.adapter.in.web;

import io.aigw.api.AigwHeaders;
import io.aigw.routing.application.ChatCommand;
import io.aigw.routing.application.RoutingPolicies;
import io.aigw.routing.domain.CachePolicy;
import io.aigw.routing.domain.RoutingException.InvalidRequest;
import io.aigw.routing.domain.TierRange;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;

/**
 * What the gateway says about a request in the headers routing trusts (ADR 0003): its id, tenant and
 * key, and the tiers the client allows. Both routed endpoints make their command from these.
 */
record InternalHeaders(String requestId, String tenant, String keyId, String minTier, String maxTier) {

    /**
     * Read from the request's headers in one place instead of one {@code @RequestHeader} argument each:
     * WebFlux resolves every such argument through its own resolver and data binder on every request,
     * about 3 % of routing's CPU in the overhead profile (docs/benchmarks/overhead.md).
     */
    static InternalHeaders of(HttpHeaders headers) {
        return new InternalHeaders(
                value(headers, AigwHeaders.REQUEST_ID),
                value(headers, AigwHeaders.TENANT),
                value(headers, AigwHeaders.KEY_ID),
                value(headers, AigwHeaders.MIN_TIER),
                value(headers, AigwHeaders.MAX_TIER));
    }

    /**
     * A header as {@code @RequestHeader String} gave it: absent is null, a header sent more than once
     * is its values joined by commas (so two tier headers still fail as one malformed value).
     */
    static String value(HttpHeaders headers, String name) {
        List<String> values = headers.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.size() == 1 ? values.get(0) : String.join(",", values);
    }

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
