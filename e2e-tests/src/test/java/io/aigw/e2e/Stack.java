package io.aigw.e2e;

import io.aigw.launcher.LocalStack;
import io.aigw.launcher.Service;
import io.aigw.launcher.StackSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real stack for the whole end-to-end run: every service jar and the simulator as child
 * processes on free ports, with an embedded Redis — the same {@link LocalStack} that {@code ./aigw
 * run} uses. Started once, stopped when the test JVM's root context closes.
 */
public final class Stack implements BeforeAllCallback {

    /** Routing's provider timeout in these tests: short, so a hanging provider gives 504 quickly. */
    static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(3);

    /**
     * How long an open breaker keeps a deployment out in these tests: short, so a test that opens
     * one can wait for it to close again and leave the stack as it found it.
     */
    static final Duration BREAKER_WAIT_IN_OPEN = Duration.ofSeconds(2);

    /** billing's admin credential in these tests; the admin API is reached through the gateway. */
    static final String ADMIN_TOKEN = "e2e-admin-" + java.util.UUID.randomUUID();

    /** The tenant whose own admin token ({@link #TENANT_ADMIN_TOKEN}) billing knows (ADR 0024). */
    static final String ADMINISTERED_TENANT =
            "sec-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    /** The admin token confined to {@link #ADMINISTERED_TENANT}; billing is given only its hash. */
    static final String TENANT_ADMIN_TOKEN = "tenant-admin-" + java.util.UUID.randomUUID();

    /** The key routing sends the simulator: a provider secret that must never reach a log. */
    static final String PROVIDER_SECRET = "sk-sim-" + java.util.UUID.randomUUID();

    /** billing's name in the usage stream's consumer group, the same across restarts. */
    static final String BILLING_CONSUMER = "billing-e2e";

    private static LocalStack stack;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (stack != null) {
            return;
        }
        Path root = Path.of(System.getProperty("aigw.e2e.projectRoot", ".."))
                .toAbsolutePath()
                .normalize();
        StackSpec spec = StackSpec.builder(root)
                .services(List.of(Service.values()))
                .randomFreePorts()
                .embeddedRedis()
                .logDirectory(root.resolve("e2e-tests/target/e2e-logs"))
                .env(Service.ROUTING, "AIGW_SIMULATOR_TIMEOUT", PROVIDER_TIMEOUT.toSeconds() + "s")
                .env(Service.BILLING, "AIGW_ADMIN_TOKEN", ADMIN_TOKEN)
                .env(Service.BILLING, "AIGW_BILLING_TENANTADMINS_0_TENANT", ADMINISTERED_TENANT)
                .env(Service.BILLING, "AIGW_BILLING_TENANTADMINS_0_TOKENSHA256", sha256(TENANT_ADMIN_TOKEN))
                .env(Service.ROUTING, "AIGW_SIMULATOR_API_KEY", PROVIDER_SECRET)
                // a stable consumer name, as a pod's: a restarted billing reads its own pending entries at
                // once instead of waiting reclaim-idle for them (BillingCrashE2EIT)
                .env(Service.BILLING, "AIGW_BILLING_CONSUMER", BILLING_CONSUMER)
                .env(Service.ROUTING, "AIGW_ROUTING_CIRCUITBREAKER_WAITINOPEN", BREAKER_WAIT_IN_OPEN.toSeconds() + "s")
                // these tests check what the cache answers, not how fast: a busy CI machine must not
                // turn a semantic hit into a miss by outlasting the production budget
                .env(Service.ROUTING, "AIGW_ROUTING_CACHE_LOOKUPBUDGET", "3s")
                // likewise the budget hold (fails open when billing is slow) and the key lookup (503)
                .env(Service.ROUTING, "AIGW_ROUTING_BUDGET_TIMEOUT", "5s")
                .env(Service.GATEWAY, "AIGW_GATEWAY_KEYLOOKUPTIMEOUT", "10s")
                // -Daigw.e2e.healthTimeoutSeconds=600 on a machine busy with other builds
                .healthTimeout(Duration.ofSeconds(Long.getLong("aigw.e2e.healthTimeoutSeconds", 180)))
                .build();
        stack = LocalStack.start(spec);
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("aigw-stack", (AutoCloseable) () -> {
            stack.close();
            stack = null;
        });
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static LocalStack get() {
        if (stack == null) {
            throw new IllegalStateException(
                    "the stack is not started: annotate the test with @ExtendWith(Stack.class)");
        }
        return stack;
    }
}
