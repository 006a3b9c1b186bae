package io.aigw.bench.overhead;

import io.aigw.bench.overhead.adapter.out.process.ToolProcess;
import io.aigw.bench.overhead.application.Endpoint;
import io.aigw.bench.overhead.domain.Target;
import io.aigw.launcher.LocalStack;
import io.aigw.launcher.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How each target is reached in one run, and which processes are its own. */
final class Endpoints {

    private final ToolProcess upstream;
    private final ToolProcess proxy;
    private final ToolProcess portkey;
    private final int upstreamPort;
    private final GatewayStack ours;
    private final Optional<GatewayStack> baseline;

    Endpoints(
            ToolProcess upstream,
            ToolProcess proxy,
            ToolProcess portkey,
            int upstreamPort,
            GatewayStack ours,
            Optional<GatewayStack> baseline) {
        this.upstream = upstream;
        this.proxy = proxy;
        this.portkey = portkey;
        this.upstreamPort = upstreamPort;
        this.ours = ours;
        this.baseline = baseline;
    }

    List<Endpoint> load(OverheadBenchOptions options) {
        String fixed = "http://127.0.0.1:" + upstreamPort;
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint(
                Target.DIRECT,
                fixed,
                OverheadBenchCommand.MODEL,
                Map.of("Authorization", "Bearer unused"),
                true,
                Endpoint.single(Map.of("nginx-upstream", upstream.pid()))));
        if (options.runs(Target.NGINX)) {
            endpoints.add(new Endpoint(
                    Target.NGINX,
                    proxyUrl(),
                    OverheadBenchCommand.MODEL,
                    Map.of("Authorization", "Bearer unused"),
                    true,
                    Endpoint.single(Map.of("nginx-proxy", proxy.pid()))));
        }
        if (options.runs(Target.PORTKEY)) {
            endpoints.add(new Endpoint(
                    Target.PORTKEY,
                    portkeyUrl(),
                    OverheadBenchCommand.MODEL,
                    portkeyHeaders(fixed + "/v1"),
                    true,
                    Endpoint.single(Map.of("portkey", portkey.pid()))));
        }
        if (options.runs(Target.AIGW_MISS)) {
            endpoints.add(gateway(Target.AIGW_MISS, ours, OverheadBenchCommand.MODEL, true));
        }
        if (options.runs(Target.AIGW_HIT)) {
            endpoints.add(gateway(Target.AIGW_HIT, ours, OverheadBenchCommand.MODEL, false));
        }
        baseline.ifPresent(base -> endpoints.add(gateway(Target.AIGW_BASE, base, OverheadBenchCommand.MODEL, true)));
        return List.copyOf(endpoints);
    }

    /** The stream runs: the simulator is the upstream (direct), every prompt new. */
    List<Endpoint> streams(OverheadBenchOptions options) {
        String simulator = ours.stack().url(Service.SIMULATOR);
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(
                new Endpoint(Target.DIRECT, simulator, OverheadBenchCommand.STREAM_MODEL, Map.of(), true, Map.of()));
        if (options.runs(Target.NGINX)) {
            endpoints.add(new Endpoint(
                    Target.NGINX,
                    "http://127.0.0.1:" + proxyStreamPort(),
                    OverheadBenchCommand.STREAM_MODEL,
                    Map.of(),
                    true,
                    Map.of()));
        }
        if (options.runs(Target.PORTKEY)) {
            endpoints.add(new Endpoint(
                    Target.PORTKEY,
                    portkeyUrl(),
                    OverheadBenchCommand.STREAM_MODEL,
                    portkeyHeaders(simulator + "/v1"),
                    true,
                    Map.of()));
        }
        if (options.runs(Target.AIGW_MISS)) {
            endpoints.add(streaming(gateway(Target.AIGW_MISS, ours, OverheadBenchCommand.STREAM_MODEL, true)));
        }
        baseline.ifPresent(base ->
                endpoints.add(streaming(gateway(Target.AIGW_BASE, base, OverheadBenchCommand.STREAM_MODEL, true))));
        return List.copyOf(endpoints);
    }

    List<String> setup() {
        List<String> lines = new ArrayList<>(List.of(
                "`direct`: one nginx process (`master_process off`, one worker) answering every POST with the same"
                        + " 295-byte chat completion (`bench/src/main/resources/overhead/upstream-nginx.conf`); for"
                        + " streams the provider simulator (`" + OverheadBenchCommand.STREAM_MODEL + "`: first token at"
                        + " once, then " + OverheadBenchCommand.STREAM_TOKENS + " tokens "
                        + OverheadBenchCommand.STREAM_TOKEN_DELAY.toMillis()
                        + " ms apart), which is also the upstream of"
                        + " every target's streams",
                "`nginx-proxy`: one nginx process proxying to it with upstream keep-alive and `proxy_buffering off`"
                        + " (`proxy-nginx.conf`)",
                "`portkey`: `@portkey-ai/gateway` from npm (version in `scripts/ensure-bench-tools.sh`), `node"
                        + " build/start-server.js --headless`, `NODE_ENV=production`, provider `openai` with"
                        + " `x-portkey-custom-host` pointing at the upstream",
                "`aigw-miss`: gateway → routing → upstream with a tenant key created in billing (resolved"
                        + " through the Redis key cache, then remembered by the gateway for 5 s), the tenant's"
                        + " RPM/TPM and daily limits counted in Redis, the budget hold placed in Redis by routing"
                        + " against the budget billing publishes, the exact-cache lookup (a miss: every prompt is"
                        + " new), the provider's RPM/TPM reservation and settlement in Redis, the usage event on"
                        + " the Redis stream (consumed by billing into its ledger"
                        + (ours.ledgerBackends().isEmpty() ? ", on billing's embedded H2" : " in PostgreSQL")
                        + ") and the asynchronous cache store; the semantic cache layer is off"
                        + " (`AIGW_CACHE_SEMANTIC_ENABLED=false`), its cost is the embedding, measured in"
                        + " `cache.md`",
                "`aigw-hit`: the same, with the same prompt every time, answered from the exact cache",
                "CPU of this gateway: gateway-service, routing-service, cache-service, billing-service, the"
                        + " embedded Redis"
                        + (ours.ledgerBackends().isEmpty()
                                ? ""
                                : " and the " + ours.ledgerBackends().size()
                                        + " PostgreSQL server processes serving billing's connections")
                        + " (the simulator serves only the streams and is not counted)"));
        baselineSetup().ifPresent(lines::add);
        return List.copyOf(lines);
    }

    /**
     * The line of the set-up that says what the baseline is, when there is one: its jars' checkout and
     * its JVM options.
     */
    private Optional<String> baselineSetup() {
        return baseline.map(stack -> "`aigw-base`: a second stack of this gateway set up like `aigw-miss`"
                + " (its own Redis, billing schema and tenant key; the streams' upstream is its own simulator),"
                + " from the jars of `" + stack.stack().spec().projectRoot() + "` with JVM options `"
                + String.join(" ", stack.stack().spec().javaOpts()) + "`; the two are compared round by round"
                + " under \"Against the baseline\"");
    }

    private Endpoint gateway(Target target, GatewayStack stack, String model, boolean unique) {
        return new Endpoint(
                target,
                stack.stack().url(Service.GATEWAY),
                model,
                Map.of("Authorization", "Bearer " + stack.key()),
                unique,
                processes(stack));
    }

    /** A stream run's endpoint: the stream probe measures time, not CPU, so it has no processes. */
    private static Endpoint streaming(Endpoint endpoint) {
        return new Endpoint(
                endpoint.target(),
                endpoint.baseUrl(),
                endpoint.model(),
                endpoint.headers(),
                endpoint.unique(),
                Map.of());
    }

    private static Map<String, List<Long>> processes(GatewayStack gateway) {
        LocalStack stack = gateway.stack();
        Map<String, Long> services = new LinkedHashMap<>();
        services.put("gateway", stack.pid(Service.GATEWAY));
        services.put("routing", stack.pid(Service.ROUTING));
        services.put("cache", stack.pid(Service.CACHE));
        services.put("billing", stack.pid(Service.BILLING));
        stack.redisPid().ifPresent(pid -> services.put("redis", pid));
        Map<String, List<Long>> processes = Endpoint.single(services);
        if (!gateway.ledgerBackends().isEmpty()) {
            processes.put("postgres", gateway.ledgerBackends());
        }
        return processes;
    }

    private static Map<String, String> portkeyHeaders(String customHost) {
        return Map.of(
                "Authorization", "Bearer unused",
                "x-portkey-provider", "openai",
                "x-portkey-custom-host", customHost);
    }

    private String proxyUrl() {
        return "http://127.0.0.1:" + proxyPort();
    }

    private String portkeyUrl() {
        return "http://127.0.0.1:" + portkey.port();
    }

    private int proxyPort() {
        return proxy.port();
    }

    private int proxyStreamPort() {
        return proxy.secondPort();
    }
}
