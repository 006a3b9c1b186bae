package io.aigw.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of one child: the base environment, then the contract variables of
 * shared/DESIGN.md's local run, then the spec's common and per-service extras (which win).
 */
final class ChildEnvironment {

    static final String LOOPBACK = "127.0.0.1";

    /**
     * glibc's malloc arenas, at most two per process unless the environment says otherwise: by default
     * it makes up to eight per core as threads contend, each growing and fragmenting on its own, and
     * a JVM's native memory (JDBC, Netty, the JIT) then creeps up for hours (billing-service's RSS grew
     * 38 MB/h beyond what the JVM tracks in a soak, docs/benchmarks/soak.md). The images set the same.
     */
    static final String MALLOC_ARENA_MAX = "MALLOC_ARENA_MAX";

    private ChildEnvironment() {}

    /**
     * @param ports the resolved port of every service in the stack; only these get a URL variable
     */
    static Map<String, String> compose(
            StackSpec spec, Service service, Map<Service, Integer> ports, String redisUrl, StackSecrets secrets) {
        Map<String, String> env = new LinkedHashMap<>(spec.baseEnvironment());
        env.putIfAbsent(MALLOC_ARENA_MAX, "2");
        env.put(EnvNames.SERVER_PORT, String.valueOf(ports.get(service)));
        env.put(EnvNames.SERVER_ADDRESS, LOOPBACK);
        env.put(EnvNames.REDIS_URL, redisUrl);
        env.put(EnvNames.INTERNAL_TOKEN, secrets.internalToken());
        env.put(EnvNames.DEMO_KEY, secrets.demoKey());
        // every service learns every other's URL: cheaper than keeping a who-calls-whom table in sync
        ports.forEach((other, port) -> env.put(other.urlVariable(), baseUrl(port)));
        if (service == Service.BILLING) {
            // one stable consumer name: a restarted billing reads its own pending usage entries at
            // once instead of waiting for the idle time after which another consumer may claim them
            env.putIfAbsent("AIGW_BILLING_CONSUMER", "billing-local");
        }
        env.putAll(spec.commonEnv());
        env.putAll(spec.extraEnv(service));
        return env;
    }

    static String baseUrl(int port) {
        return "http://" + LOOPBACK + ":" + port;
    }
}
