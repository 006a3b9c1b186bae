package io.aigw.routing.application.learned;

/**
 * What routing remembers of a finished request, so that feedback on it can later be learned from.
 *
 * @param requestId the {@code x-aigw-request-id} the client got
 * @param tenant who asked; feedback from anyone else is refused
 * @param model the catalog model that answered
 * @param tier that model's tier
 * @param prompt the prompt text the predictor embeds (see {@link PromptText})
 */
public record AnsweredRequest(String requestId, String tenant, String model, int tier, String prompt) {}
