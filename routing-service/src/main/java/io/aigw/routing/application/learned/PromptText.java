package io.aigw.routing.application.learned;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text of a chat request that tells how hard it is: its user messages, text parts only, joined by
 * newlines and cut at {@link #MAX_CHARS} (MiniLM reads 256 word pieces at most anyway).
 */
public final class PromptText {

    static final int MAX_CHARS = 4_000;

    private PromptText() {}

    public static String of(ObjectNode body) {
        StringBuilder text = new StringBuilder();
        for (JsonNode message : body.path("messages")) {
            if (!"user".equals(message.path("role").asString(""))) {
                continue;
            }
            JsonNode content = message.path("content");
            if (content.isString()) {
                append(text, content.stringValue());
            } else {
                for (JsonNode part : content) {
                    if ("text".equals(part.path("type").asString(""))) {
                        append(text, part.path("text").asString(""));
                    }
                }
            }
        }
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(part);
    }
}
