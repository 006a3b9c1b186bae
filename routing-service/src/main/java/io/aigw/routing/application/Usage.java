package io.aigw.routing.application;

/**
 * Tokens a call really used, as the provider reported them (or as counted when it did not).
 *
 * @param cachedPromptTokens prompt tokens the provider served from its own prompt cache
 */
public record Usage(long promptTokens, long completionTokens, long cachedPromptTokens) {

    public static final Usage NONE = new Usage(0, 0, 0);

    /** What a provider counts against a tokens-per-minute limit. */
    public long total() {
        return promptTokens + completionTokens;
    }

    public Usage plus(Usage other) {
        return new Usage(
                promptTokens + other.promptTokens,
                completionTokens + other.completionTokens,
                cachedPromptTokens + other.cachedPromptTokens);
    }
}
