package io.aigw.bench.limits.domain;

import java.time.Duration;

/**
 * One request of the load: when it is sent, how big it is and which gateway gets it.
 *
 * @param index its place in the schedule
 * @param at when to send it, since the load's start
 * @param promptTokens the prompt's size as routing and the simulator count a chat prompt (the message
 *     text plus {@link PromptText#CHAT_OVERHEAD})
 * @param maxTokens {@code max_tokens}
 * @param gateway which gateway (0-based) receives it
 */
public record Arrival(int index, Duration at, int promptTokens, int maxTokens, int gateway) {}
