package io.aigw.routing.domain;

import io.aigw.routing.domain.learned.LearnedTarget;
import java.util.List;

/**
 * A name that stands for several models; its strategy picks among the members.
 *
 * @param threshold for the {@code learned} strategy: a fixed threshold (see {@code
 *     LearnedTierChoice.Rule}) instead of one calibrated for a target — for experiments; null to
 *     calibrate
 * @param target for the {@code learned} strategy: what its threshold is calibrated for; null for the
 *     configured default
 */
public record ModelGroup(String name, String strategy, List<String> members, Double threshold, LearnedTarget target) {

    public ModelGroup(String name, String strategy, List<String> members) {
        this(name, strategy, members, null, null);
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
        if (threshold != null && target != null) {
            throw new IllegalArgumentException(
                    "group '" + name + "': a fixed threshold and a target exclude each other; set one");
        }
    }
}
