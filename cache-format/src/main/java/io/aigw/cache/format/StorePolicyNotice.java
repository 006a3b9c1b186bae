package io.aigw.cache.format;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What cache-service tells routing in every lookup answer ({@code storePolicy}) so routing can write
 * exact-cache entries itself: whether cache-service has a semantic layer (then it must see every
 * answer, and routing leaves the store to it), the TTLs and the store rules. An exact-only
 * cache-service thus leaves the request path's store entirely (issue 9). Carried by the answer of
 * the one cache-service routing talks to, not a shared key, so two deployments on one Redis cannot
 * mistake each other's policy.
 *
 * @param semanticLayer whether cache-service indexes answers semantically
 * @param defaultTtl entries' TTL for tenants without their own
 * @param tenantTtls tenant id to TTL
 * @param rules which answers may be stored
 */
public record StorePolicyNotice(
        boolean semanticLayer, Duration defaultTtl, Map<String, Duration> tenantTtls, StoreRules rules) {

    public StorePolicyNotice {
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        Objects.requireNonNull(rules, "rules");
        tenantTtls = Map.copyOf(tenantTtls);
    }

    public Duration ttlFor(String tenant) {
        return tenantTtls.getOrDefault(tenant, defaultTtl);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("semantic_layer", semanticLayer);
        node.put("default_ttl_ms", defaultTtl.toMillis());
        ObjectNode tenants = node.putObject("tenant_ttl_ms");
        tenantTtls.forEach((tenant, ttl) -> tenants.put(tenant, ttl.toMillis()));
        node.put("store_tool_calls", rules.allowToolCalls());
        node.put("max_temperature_without_opt_in", rules.maxTemperatureWithoutOptIn());
        return node;
    }

    /** @throws IllegalArgumentException when the value is not a notice of this format */
    public static StorePolicyNotice parse(JsonNode node) {
        if (node == null
                || !node.isObject()
                || !node.path("semantic_layer").isBoolean()
                || !node.path("default_ttl_ms").canConvertToLong()
                || !node.path("max_temperature_without_opt_in").isNumber()) {
            throw new IllegalArgumentException("incomplete store policy notice");
        }
        Map<String, Duration> tenants = new LinkedHashMap<>();
        node.path("tenant_ttl_ms")
                .properties()
                .forEach(e -> tenants.put(e.getKey(), positive(e.getValue().asLong())));
        return new StorePolicyNotice(
                node.path("semantic_layer").asBoolean(),
                positive(node.path("default_ttl_ms").asLong()),
                tenants,
                new StoreRules(
                        node.path("store_tool_calls").asBoolean(false),
                        node.path("max_temperature_without_opt_in").asDouble()));
    }

    private static Duration positive(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("store policy notice with a TTL of " + millis + " ms");
        }
        return Duration.ofMillis(millis);
    }
}
