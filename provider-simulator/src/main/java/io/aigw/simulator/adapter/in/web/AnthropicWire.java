package io.aigw.simulator.adapter.in.web;

import java.util.List;

/** Anthropic Messages API wire shapes, written with snake_case names by {@link WireJson}. */
final class AnthropicWire {

    private AnthropicWire() {}

    record Message(
            String id,
            String type,
            String role,
            List<TextBlock> content,
            String model,
            String stopReason,
            String stopSequence,
            Usage usage) {}

    record TextBlock(String type, String text) {}

    record Usage(int inputTokens, int outputTokens) {}

    record MessageStart(String type, Message message) {}

    record ContentBlockStart(String type, int index, TextBlock contentBlock) {}

    record Ping(String type) {}

    record ContentBlockDelta(String type, int index, TextDelta delta) {}

    record TextDelta(String type, String text) {}

    record ContentBlockStop(String type, int index) {}

    record MessageDelta(String type, StopDelta delta, OutputUsage usage) {}

    record StopDelta(String stopReason, String stopSequence) {}

    record OutputUsage(int outputTokens) {}

    record MessageStop(String type) {}

    record ErrorBody(String type, Error error) {}

    record Error(String type, String message) {}
}
