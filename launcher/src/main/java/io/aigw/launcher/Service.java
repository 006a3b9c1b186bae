package io.aigw.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * The processes of the local stack, each a Spring Boot jar built by its own Maven module.
 *
 * <p>The declaration order is the order of shared/DESIGN.md; {@link #startOrder()} is the order in
 * which the launcher starts them (the gateway last, the simulator first) and the reverse of the order
 * in which it stops them.
 */
public enum Service {
    /** The fake OpenAI/Anthropic-compatible provider. */
    SIMULATOR("provider-simulator", 8090, "AIGW_SIMULATOR_URL"),
    /** OpenAI-compatible API, route planning, provider adapters. */
    ROUTING("routing-service", 8081, "AIGW_ROUTING_URL"),
    /** Exact and semantic cache. */
    CACHE("cache-service", 8082, "AIGW_CACHE_URL"),
    /** Tenants, keys, plans, usage ledger, budgets. */
    BILLING("billing-service", 8083, "AIGW_BILLING_URL"),
    /** Control loop: metrics to replica counts and routing policy. */
    SCALER("scaler-service", 8084, "AIGW_SCALER_URL"),
    /** The edge every client talks to. */
    GATEWAY("gateway-service", 8080, "AIGW_GATEWAY_URL");

    /** The project version every module's jar carries in its name. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private static final List<Service> START_ORDER = List.of(SIMULATOR, CACHE, BILLING, SCALER, ROUTING, GATEWAY);

    private final String moduleName;
    private final int defaultPort;
    private final String urlVariable;

    Service(String moduleName, int defaultPort, String urlVariable) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.urlVariable = urlVariable;
    }

    /** The Maven module (and artifact id), e.g. {@code gateway-service}. */
    public String moduleName() {
        return moduleName;
    }

    /** The port from shared/DESIGN.md. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The environment variable through which the other services learn this one's base URL. */
    public String urlVariable() {
        return urlVariable;
    }

    /** The Boot-repackaged jar below a project root: {@code <root>/<module>/target/<module>-<version>.jar}. */
    public Path jar(Path projectRoot) {
        return projectRoot.resolve(moduleName).resolve("target").resolve(moduleName + "-" + VERSION + ".jar");
    }

    /** Every service in start order: simulator, cache, billing, scaler, routing, gateway. */
    public static List<Service> startOrder() {
        return START_ORDER;
    }

    /** The service of a module name, e.g. {@code routing-service}. */
    public static Service ofModule(String moduleName) {
        for (Service service : values()) {
            if (service.moduleName.equals(moduleName)) {
                return service;
            }
        }
        throw new IllegalArgumentException("no service named " + moduleName);
    }
}
