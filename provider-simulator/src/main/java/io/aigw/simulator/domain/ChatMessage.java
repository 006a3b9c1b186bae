package io.aigw.simulator.domain;

import java.util.Objects;

/**
 * One message of a chat prompt, reduced to what token counting and replay need.
 *
 * @param role    {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text of the message (text parts joined); never null
 * @param name    optional participant name, counted as OpenAI does; may be null
 */
public record ChatMessage(String role, String content, String name) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public ChatMessage(String role, String content) {
        this(role, content, null);
    }
}
