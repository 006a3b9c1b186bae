package io.aigw.routing.domain;

import java.util.List;

/** A name that stands for several models; its strategy picks among the members. */
public record ModelGroup(String name, String strategy, List<String> members) {

    public ModelGroup {
        Provider.requireText(name, "group name");
        strategy = strategy == null || strategy.isBlank() ? "cheapest" : strategy;
        members = List.copyOf(members == null ? List.of() : members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("group '" + name + "': members must not be empty");
        }
    }
}
