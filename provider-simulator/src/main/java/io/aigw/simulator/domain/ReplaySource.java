package io.aigw.simulator.domain;

import java.util.Locale;

/** Whose recorded RouteLLM answers a profile replays. */
public enum ReplaySource {
    NONE,
    /** mistralai/Mixtral-8x7B-Instruct-v0.1 */
    WEAK,
    /** gpt-4-1106-preview */
    STRONG;

    public static ReplaySource parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown replay source '" + value + "'; expected weak, strong or none");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
