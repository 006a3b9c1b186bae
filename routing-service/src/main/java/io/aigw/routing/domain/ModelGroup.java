package io.aigw.routing.domain;

import java.util.List;

/**
 * A name that stands for several models; its strategy picks among the members.
 *
 * @param threshold for the {@code learned} strategy: how good the cheapest tier must be predicted to be
 *     to go first (see {@code LearnedTierChoice.Rule}); null for the configured default
 */
public record ModelGroup(String name, String strategy, List<String> members, Double threshold) {

    public ModelGroup(String name, String strategy, List<String> members) {
        this(name, strategy, members, null);
    }

    public ModelGroup {
        Provider.requireText(name, "group name");
        strategy = strategy == null || strategy.isBlank() ? "cheapest" : strategy;
        members = List.copyOf(members == null ? List.of() : members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("group '" + name + "': members must not be empty");
        }
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("group '" + name + "': threshold must be within 0..1, was " + threshold);
        }
    }
}
