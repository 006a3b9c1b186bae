package io.aigw.routing.domain;

import java.util.Objects;
import java.util.Set;

/**
 * A catalog model: the name clients send and the deployment that serves it.
 *
 * @param name the name clients send in {@code model}
 * @param providerId the provider that serves it
 * @param upstreamModel the name the provider knows it by
 * @param tier 1 economy, 2 standard, 3 premium
 */
public record Model(
        String name,
        String providerId,
        String upstreamModel,
        int tier,
        Price price,
        int contextWindow,
        Set<Capability> capabilities) {

    public Model {
        Provider.requireText(name, "model name");
        Provider.requireText(providerId, "model '" + name + "': provider");
        upstreamModel = upstreamModel == null || upstreamModel.isBlank() ? name : upstreamModel;
        if (tier < 1 || tier > 3) {
            throw new IllegalArgumentException("model '" + name + "': tier must be 1..3, was " + tier);
        }
        price = Objects.requireNonNullElse(price, Price.FREE);
        if (contextWindow <= 0) {
            throw new IllegalArgumentException(
                    "model '" + name + "': context-window must be positive, was " + contextWindow);
        }
        capabilities = Set.copyOf(capabilities == null ? Set.of() : capabilities);
    }
}
