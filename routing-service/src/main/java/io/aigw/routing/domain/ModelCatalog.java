package io.aigw.routing.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The providers, models and groups the gateway may route to. Immutable; the constructor checks every
 * cross-reference and names the bad entry, so a broken configuration stops start-up instead of
 * failing requests later.
 */
public final class ModelCatalog {

    private final Map<String, Provider> providers = new LinkedHashMap<>();
    private final Map<String, Model> models = new LinkedHashMap<>();
    private final Map<String, ModelGroup> groups = new LinkedHashMap<>();

    public ModelCatalog(Collection<Provider> providers, Collection<Model> models, Collection<ModelGroup> groups) {
        providers.forEach(p -> putUnique(this.providers, p.id(), p, "provider"));
        for (Model model : models) {
            if (!this.providers.containsKey(model.providerId())) {
                throw new IllegalArgumentException("model '" + model.name() + "': unknown provider '"
                        + model.providerId() + "' (known: " + this.providers.keySet() + ")");
            }
            putUnique(this.models, model.name(), model, "model");
        }
        for (ModelGroup group : groups) {
            if (this.models.containsKey(group.name())) {
                throw new IllegalArgumentException("group '" + group.name() + "': a model has the same name");
            }
            Set<String> seen = new HashSet<>();
            for (String member : group.members()) {
                if (!this.models.containsKey(member)) {
                    throw new IllegalArgumentException(
                            "group '" + group.name() + "': member '" + member + "' is not a catalog model");
                }
                if (!seen.add(member)) {
                    throw new IllegalArgumentException(
                            "group '" + group.name() + "': member '" + member + "' is listed twice");
                }
            }
            putUnique(this.groups, group.name(), group, "group");
        }
    }

    private static <T> void putUnique(Map<String, T> map, String key, T value, String what) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("duplicate " + what + " name '" + key + "'");
        }
    }

    /** The deployments a client's {@code model} value stands for, in catalog order; empty if unknown. */
    public List<Deployment> resolve(String modelOrGroup) {
        Model model = models.get(modelOrGroup);
        if (model != null) {
            return List.of(deployment(model));
        }
        return Optional.ofNullable(groups.get(modelOrGroup))
                .map(group -> group.members().stream()
                        .map(models::get)
                        .map(this::deployment)
                        .toList())
                .orElse(List.of());
    }

    /** The group's strategy ({@code cheapest}, {@code cascade}), or {@code single} for a plain model. */
    public String strategyOf(String modelOrGroup) {
        ModelGroup group = groups.get(modelOrGroup);
        return group == null ? "single" : group.strategy();
    }

    /**
     * The model "the same traffic at the top tier" is priced at in savings reports: the dearest model
     * of the highest tier (by the price of a million input plus a million output tokens).
     */
    public Optional<Model> topTierReference() {
        return models.values().stream()
                .max(java.util.Comparator.comparingInt(Model::tier)
                        .thenComparing(m -> m.price().cost(1_000_000, 1_000_000)));
    }

    private Deployment deployment(Model model) {
        return new Deployment(model, providers.get(model.providerId()));
    }

    public Collection<Model> models() {
        return List.copyOf(models.values());
    }

    public Collection<ModelGroup> groups() {
        return List.copyOf(groups.values());
    }

    public Collection<Provider> providers() {
        return List.copyOf(providers.values());
    }
}
