package io.aigw.simulator.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Recorded answers by prompt. A prompt matches when it equals a recorded one after trimming both. */
public final class ReplayBook {

    public static final ReplayBook EMPTY = new ReplayBook(Map.of());

    private final Map<String, ReplayRecord> byPrompt;

    private ReplayBook(Map<String, ReplayRecord> byPrompt) {
        this.byPrompt = byPrompt;
    }

    public Optional<ReplayAnswer> find(String prompt, ReplaySource source) {
        if (prompt == null || source == ReplaySource.NONE) {
            return Optional.empty();
        }
        return Optional.ofNullable(byPrompt.get(prompt.trim())).map(found -> found.answerFor(source));
    }

    public int size() {
        return byPrompt.size();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects records; the first record of a duplicated prompt wins. */
    public static final class Builder {
        private final Map<String, ReplayRecord> byPrompt = new HashMap<>();

        public Builder add(String prompt, ReplayRecord record) {
            byPrompt.putIfAbsent(prompt.trim(), record);
            return this;
        }

        public ReplayBook build() {
            return new ReplayBook(Map.copyOf(byPrompt));
        }
    }
}
