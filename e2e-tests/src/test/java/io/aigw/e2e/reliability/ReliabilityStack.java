package io.aigw.e2e.reliability;

import io.aigw.launcher.LocalStack;
import io.aigw.launcher.Service;
import io.aigw.launcher.StackSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stack the reliability suite breaks, apart from the shared e2e {@code Stack} so that killing
 * its Redis, its PostgreSQL or a service never disturbs another test: simulator, cache, billing,
 * routing and gateway from the real jars, its own embedded Redis, its own {@link ThrowawayPostgres}
 * for billing and cache, and a second routing replica (a second {@link LocalStack} of routing alone)
 * that the gateway spreads {@code /v1/**} over with the first. Started once per test JVM.
 */
public final class ReliabilityStack implements BeforeAllCallback {

    /** Routing's provider timeout here: short, so a hanging provider costs seconds, not a minute. */
    static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(3);
    /** How long an open breaker keeps a deployment out: short, so a test sees it close again. */
    static final Duration BREAKER_WAIT_IN_OPEN = Duration.ofSeconds(2);
    /**
     * The breakers' window and minimum calls, scaled to a test's seconds-long faults: with the default
     * 60 s window a hanging provider's few timeouts (one per user per provider timeout) are outweighed
     * by the hundreds of fast successes just before the fault, and whether a breaker opens within the
     * fault depends on the machine's speed.
     */
    static final Duration BREAKER_WINDOW = Duration.ofSeconds(5);

    static final int BREAKER_MINIMUM_CALLS = 3;
    /** The gateway's connection limits here (ADR 0040), small enough for a test to reach. */
    static final int MAX_CONNECTIONS = 600;

    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    static final String ADMIN_TOKEN = "reliability-admin-" + UUID.randomUUID();
    private static final String INTERNAL_TOKEN = "reliability-internal-" + UUID.randomUUID();
    private static final String DEMO_KEY = "aigw-reliability-" + UUID.randomUUID();

    /** Generous: on a loaded 2-core machine five Spring Boot services have taken over eight minutes. */
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(900);

    /**
     * The launcher's defaults plus C1 only: these services run for minutes, not hours, and a start
     * without the C2 compiler's CPU is what lets six of them come up on a busy 2-core machine.
     */
    private static final List<String> JAVA_OPTS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static ThrowawayPostgres postgres;
    private static RuntimeException failedToStart;
    private static LocalStack main;
    private static LocalStack replica;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (main != null) {
            return;
        }
        if (failedToStart != null) {
            // one attempt per test JVM: every later scenario fails at once with the same cause
            throw failedToStart;
        }
        try {
            start(context);
        } catch (RuntimeException e) {
            failedToStart = e;
            stopAll();
            throw e;
        }
    }

    private static void start(ExtensionContext context) {
        Path root = Path.of(System.getProperty("aigw.e2e.projectRoot", ".."))
                .toAbsolutePath()
                .normalize();
        Path logs = root.resolve("e2e-tests/target/reliability-logs");
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("aigw-reliability-stack", (AutoCloseable)
                ReliabilityStack::stopAll);
        postgres = ThrowawayPostgres.create(logs);
        int routingPort = freePort();
        int replicaPort = freePort();
        int redisPort = freePort();
        String routingUrls = "http://127.0.0.1:" + routingPort + ",http://127.0.0.1:" + replicaPort;
        StackSpec.Builder spec = StackSpec.builder(root)
                .services(List.of(Service.SIMULATOR, Service.CACHE, Service.BILLING, Service.ROUTING, Service.GATEWAY))
                .randomFreePorts()
                .port(Service.ROUTING, routingPort)
                .embeddedRedis()
                .embeddedRedisPort(redisPort)
                .logDirectory(logs.resolve("main"))
                .healthTimeout(HEALTH_TIMEOUT)
                .env(Service.BILLING, "AIGW_ADMIN_TOKEN", ADMIN_TOKEN)
                .env(Service.BILLING, "AIGW_BILLING_CONSUMER", "billing-reliability")
                // the demo tenant without limits: the load here is about faults, not plans
                .env(Service.GATEWAY, "AIGW_DEMO_PLAN", "enterprise")
                .env(Service.GATEWAY, "AIGW_ROUTING_URLS", routingUrls)
                .env(Service.GATEWAY, "AIGW_GATEWAY_MAX_CONNECTIONS", Integer.toString(MAX_CONNECTIONS))
                .env(Service.GATEWAY, "AIGW_GATEWAY_IDLE_TIMEOUT", IDLE_TIMEOUT.toMillis() + "ms")
                .env(Service.GATEWAY, "AIGW_GATEWAY_READ_TIMEOUT", READ_TIMEOUT.toMillis() + "ms")
                .env(Service.GATEWAY, "AIGW_GATEWAY_REQUEST_TIMEOUT", REQUEST_TIMEOUT.toMillis() + "ms");
        for (Service service : List.of(Service.BILLING, Service.CACHE)) {
            spec.env(service, "AIGW_POSTGRES_URL", postgres.jdbcUrl())
                    .env(service, "AIGW_POSTGRES_USER", ThrowawayPostgres.USER)
                    .env(service, "AIGW_POSTGRES_PASSWORD", "");
        }
        // the second replica needs the first stack's ports and secrets: all fixed before either starts,
        // so both start at once (a loaded machine takes minutes for each)
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : List.of(Service.SIMULATOR, Service.CACHE, Service.BILLING, Service.GATEWAY)) {
            int port = freePort();
            ports.put(service, port);
            spec.port(service, port);
        }
        StackSpec mainSpec = routingSettings(spec)
                .internalToken(INTERNAL_TOKEN)
                .demoKey(DEMO_KEY)
                .build();
        StackSpec.Builder second = StackSpec.builder(root)
                .services(Service.ROUTING)
                .randomFreePorts()
                .port(Service.ROUTING, replicaPort)
                .redisUrl("redis://127.0.0.1:" + redisPort)
                .internalToken(INTERNAL_TOKEN)
                .demoKey(DEMO_KEY)
                .logDirectory(logs.resolve("replica"))
                .healthTimeout(HEALTH_TIMEOUT);
        ports.forEach((other, port) -> second.env(Service.ROUTING, other.urlVariable(), "http://127.0.0.1:" + port));
        StackSpec replicaSpec = routingSettings(second).build();
        CompletableFuture<LocalStack> first = CompletableFuture.supplyAsync(() -> LocalStack.start(mainSpec));
        try {
            replica = LocalStack.start(replicaSpec);
        } finally {
            try {
                main = first.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    /** What both routing replicas get. */
    private static StackSpec.Builder routingSettings(StackSpec.Builder spec) {
        return spec.javaOpts(JAVA_OPTS)
                .env(Service.ROUTING, "AIGW_SIMULATOR_TIMEOUT", PROVIDER_TIMEOUT.toSeconds() + "s")
                .env(Service.ROUTING, "AIGW_ROUTING_CIRCUITBREAKER_WAITINOPEN", BREAKER_WAIT_IN_OPEN.toSeconds() + "s")
                .env(Service.ROUTING, "AIGW_ROUTING_CIRCUITBREAKER_WINDOW", BREAKER_WINDOW.toSeconds() + "s")
                .env(
                        Service.ROUTING,
                        "AIGW_ROUTING_CIRCUITBREAKER_MINIMUMCALLS",
                        Integer.toString(BREAKER_MINIMUM_CALLS))
                // a loaded CI machine must not turn cache hits into misses by outlasting the budget
                .env(Service.ROUTING, "AIGW_ROUTING_CACHE_LOOKUPBUDGET", "1s");
    }

    private static synchronized void stopAll() {
        try {
            if (replica != null) {
                replica.close();
            }
            if (main != null) {
                main.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            replica = null;
            main = null;
            postgres = null;
        }
    }

    /** Simulator, cache, billing, the first routing replica, gateway and Redis. */
    static LocalStack main() {
        if (main == null) {
            throw new IllegalStateException("annotate the test with @ExtendWith(ReliabilityStack.class)");
        }
        return main;
    }

    /** The second routing replica (routing alone). */
    static LocalStack replica() {
        main();
        return replica;
    }

    static ThrowawayPostgres postgres() {
        main();
        return postgres;
    }

    /** Both routing replicas' base URLs. */
    static List<String> routingUrls() {
        return List.of(main().url(Service.ROUTING), replica().url(Service.ROUTING));
    }

    static String gatewayUrl() {
        return main().url(Service.GATEWAY);
    }

    /** Ports handed out so far: the kernel may give a port it just gave again once it is closed. */
    private static final java.util.Set<Integer> handedOut = new java.util.HashSet<>();

    private static synchronized int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (handedOut.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port that was not handed out already");
    }
}
