package io.aigw.routing.domain;

import java.util.List;

/**
 * What a request sends the model, reduced to what token estimation needs.
 *
 * @param messageTexts per message, its role, name and every text part (tool-call arguments included)
 * @param images how many image parts the messages carry
 * @param toolDefinitions the tool schemas as JSON text, which providers count as prompt tokens
 */
public record Prompt(List<String> messageTexts, int images, List<String> toolDefinitions) {

    public Prompt {
        messageTexts = List.copyOf(messageTexts);
        toolDefinitions = List.copyOf(toolDefinitions);
    }

    /**
     * Prompt tokens as OpenAI counts them: each message costs a few tokens of framing on top of its
     * text, and the reply is primed with three more. Images count at the low-detail rate; providers
     * that tile images charge more, which the real usage corrects after the call.
     */
    public int estimateTokens(TokenCounter counter, Tokenizer tokenizer) {
        int tokens = 3;
        for (String text : messageTexts) {
            tokens += 4 + counter.count(tokenizer, text);
        }
        for (String tool : toolDefinitions) {
            tokens += counter.count(tokenizer, tool);
        }
        return tokens + images * 85;
    }
}
