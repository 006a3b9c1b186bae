package io.aigw.bench.limits.domain;

/**
 * A user message of a known token count: common English words that are one token each in both
 * {@code cl100k_base} and {@code o200k_base} (a leading space and a short word), so the prompt that
 * routing estimates and the simulator counts is the trace's {@code ContextTokens}.
 */
public final class PromptText {

    /**
     * What a one-message chat prompt adds to its text, as both routing's estimate and the simulator
     * count it: 3 for the reply, and 3 + 1 (role) per message.
     */
    public static final int CHAT_OVERHEAD = 7;

    private static final String[] WORDS = {
        " the", " of", " and", " to", " in", " is", " that", " for", " it", " as",
        " was", " with", " be", " by", " on", " not", " he", " this", " are", " or"
    };

    private PromptText() {}

    /** The message text of a prompt of {@code promptTokens} (at least {@code CHAT_OVERHEAD + 1}). */
    public static String of(int promptTokens, int seed) {
        int words = promptTokens - CHAT_OVERHEAD;
        if (words < 1) {
            throw new IllegalArgumentException(
                    "a prompt needs more than " + CHAT_OVERHEAD + " tokens, was " + promptTokens);
        }
        StringBuilder text = new StringBuilder(words * 4);
        for (int i = 0; i < words; i++) {
            text.append(WORDS[Math.floorMod(seed + i * 7, WORDS.length)]);
        }
        return text.toString();
    }
}
