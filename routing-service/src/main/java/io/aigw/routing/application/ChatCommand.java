package io.aigw.routing.application;

import io.aigw.routing.domain.CachePolicy;
import io.aigw.routing.domain.Capability;
import io.aigw.routing.domain.ChatRequest;
import io.aigw.routing.domain.TierRange;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client's chat completion as routing receives it.
 *
 * @param body the client's full body; travels to OpenAI-type providers untouched but for {@code model}
 * @param keyId the gateway key's id ({@code x-aigw-key-id}), for the ledger; null when unknown
 * @param tiers the tiers this request may use
 * @param cache what the client lets the cache do
 */
public record ChatCommand(
        String requestId,
        String tenant,
        String keyId,
        ChatRequest request,
        ObjectNode body,
        TierRange tiers,
        CachePolicy cache) {

    /** An embeddings request ({@code /v1/embeddings}) travelling the same route as a chat completion. */
    public boolean embeddings() {
        return request.needs().contains(Capability.EMBEDDINGS);
    }
}
