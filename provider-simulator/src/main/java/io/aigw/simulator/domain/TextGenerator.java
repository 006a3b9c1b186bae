package io.aigw.simulator.domain;

/**
 * Produces the answer of a simulated model: a recorded answer when replay found one, else deterministic filler
 * of the profile's output length; either one cut to the request's max tokens.
 */
public final class TextGenerator {

    // Plain ASCII sentences: they tokenize predictably and never split a character across tokens.
    private static final String[] SENTENCES = {
        "The simulated provider answers every request with deterministic text.",
        "Latency, token usage and failures follow the configured model profile.",
        "Each sentence is ordinary English so that token counts look realistic.",
        "A gateway in front of this simulator can be tested without any network.",
        "Rate limits are enforced over a sliding window of sixty seconds.",
        "Streaming answers arrive one token at a time as server-sent events.",
        "Nothing here is a real model; the words only fill the requested length.",
        "Load tests use these answers to measure the gateway, not the model.",
    };

    private final TokenCounter tokens;

    public TextGenerator(TokenCounter tokens) {
        this.tokens = tokens;
    }

    /**
     * @param seedText     text that picks where the filler starts, so different prompts get different answers
     * @param replayAnswer a recorded answer to use instead of filler, or null
     * @param outputTokens the profile's answer length for filler
     * @param maxTokens    the request's limit on output tokens, or null when it set none
     */
    public GeneratedText generate(String seedText, String replayAnswer, int outputTokens, Integer maxTokens) {
        String full = replayAnswer != null ? replayAnswer : filler(seedText, outputTokens);
        TokenCounter.Cut cut = maxTokens == null ? new TokenCounter.Cut(full, false) : tokens.cut(full, maxTokens);
        FinishReason reason = cut.truncated() ? FinishReason.LENGTH : FinishReason.STOP;
        return new GeneratedText(cut.text(), tokens.pieces(cut.text()), tokens.count(cut.text()), reason);
    }

    /** Exactly {@code outputTokens} tokens of filler (as counted on the resulting text). */
    String filler(String seedText, int outputTokens) {
        if (outputTokens <= 0) {
            return "";
        }
        int start = Math.floorMod(seedText == null ? 0 : seedText.hashCode(), SENTENCES.length);
        StringBuilder text = new StringBuilder();
        // Each sentence has well over one token per 8 characters; grow until the budget surely fits.
        for (int i = start; text.length() < outputTokens * 8 || tokens.count(text.toString()) < outputTokens; i++) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(SENTENCES[i % SENTENCES.length]);
        }
        return tokens.cut(text.toString(), outputTokens).text();
    }
}
