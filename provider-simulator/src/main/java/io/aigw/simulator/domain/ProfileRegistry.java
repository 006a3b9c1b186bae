package io.aigw.simulator.domain;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured model profiles plus the run-time overrides set through the control API. A model with no
 * profile of its own gets the {@value #DEFAULT} profile, so the simulator answers any model name.
 */
public final class ProfileRegistry {

    public static final String DEFAULT = "default";

    private final Map<String, ModelProfile> configured;
    private final Map<String, ModelProfile> overrides = new ConcurrentHashMap<>();

    public ProfileRegistry(Map<String, ModelProfile> configured) {
        Map<String, ModelProfile> all = new ConcurrentHashMap<>(configured);
        all.putIfAbsent(DEFAULT, ModelProfile.DEFAULT);
        this.configured = Map.copyOf(all);
    }

    /** The profile that applies to {@code model} and the name it is known by. */
    public Resolved resolve(String model) {
        ModelProfile own = overrides.getOrDefault(model, configured.get(model));
        if (own != null) {
            return new Resolved(model, own);
        }
        return new Resolved(DEFAULT, overrides.getOrDefault(DEFAULT, configured.get(DEFAULT)));
    }

    /** Applies a partial update on top of what currently applies to {@code model}; returns the result. */
    public ModelProfile update(String model, ProfileUpdate update) {
        return overrides.compute(model, (name, current) -> {
            ModelProfile base = current != null ? current : resolve(name).profile();
            return base.apply(update);
        });
    }

    /** Drops the override of one model; returns whether there was one. */
    public boolean restore(String model) {
        return overrides.remove(model) != null;
    }

    public void restoreAll() {
        overrides.clear();
    }

    /** Every model that has a profile of its own, configured or set at run time, including the default. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(configured.keySet());
        names.addAll(overrides.keySet());
        return names;
    }

    /** Whether any configured (not overridden) profile replays recorded answers. */
    public boolean configuredReplay() {
        return configured.values().stream().anyMatch(p -> p.replay() != ReplaySource.NONE);
    }

    /**
     * @param name    the model's own name, or {@value #DEFAULT} when the default profile applies
     * @param profile the profile
     */
    public record Resolved(String name, ModelProfile profile) {}
}
