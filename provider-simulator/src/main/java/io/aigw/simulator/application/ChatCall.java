package io.aigw.simulator.application;

import io.aigw.simulator.domain.ChatMessage;
import java.util.List;

/**
 * A chat request, whichever API dialect it came in.
 *
 * @param model     the model name the client asked for
 * @param messages  the prompt; an Anthropic {@code system} becomes a leading system message
 * @param maxTokens the request's output limit, or null
 */
public record ChatCall(String model, List<ChatMessage> messages, Integer maxTokens) {

    public ChatCall {
        messages = List.copyOf(messages);
    }

    /** The text replay matches on: the last user message. */
    public String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).content();
            }
        }
        return null;
    }
}
