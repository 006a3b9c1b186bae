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

/** How each target is reached in one run, and which processes are its own. */
final class Endpoints {

    private final LocalStack stack;
    private final ToolProcess upstream;
    private final ToolProcess proxy;
    private final ToolProcess portkey;
    private final int upstreamPort;
    private final String key;
    private final List<Long> ledgerBackends;

    /**
     * @param ledgerBackends the PostgreSQL server processes serving billing's connections (their CPU is
     *     the gateway's too); empty when billing runs on its embedded H2
     */
    Endpoints(
            LocalStack stack,
            ToolProcess upstream,
            ToolProcess proxy,
            ToolProcess portkey,
            int upstreamPort,
            String key,
            List<Long> ledgerBackends) {
        this.stack = stack;
        this.upstream = upstream;
        this.proxy = proxy;
        this.portkey = portkey;
        this.upstreamPort = upstreamPort;
        this.key = key;
        this.ledgerBackends = List.copyOf(ledgerBackends);
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
            endpoints.add(new Endpoint(
                    Target.AIGW_MISS,
                    stack.url(Service.GATEWAY),
                    OverheadBenchCommand.MODEL,
                    gatewayHeaders(),
                    true,
                    gatewayProcesses()));
        }
        if (options.runs(Target.AIGW_HIT)) {
            endpoints.add(new Endpoint(
                    Target.AIGW_HIT,
                    stack.url(Service.GATEWAY),
                    OverheadBenchCommand.MODEL,
                    gatewayHeaders(),
                    false,
                    gatewayProcesses()));
        }
        return List.copyOf(endpoints);
    }

    /** The stream runs: the simulator is the upstream (direct), every prompt new. */
    List<Endpoint> streams(OverheadBenchOptions options) {
        String simulator = stack.url(Service.SIMULATOR);
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
            endpoints.add(new Endpoint(
                    Target.AIGW_MISS,
                    stack.url(Service.GATEWAY),
                    OverheadBenchCommand.STREAM_MODEL,
                    gatewayHeaders(),
                    true,
                    Map.of()));
        }
        return List.copyOf(endpoints);
    }

    List<String> setup() {
        return List.of(
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
                        + (ledgerBackends.isEmpty() ? ", on billing's embedded H2" : " in PostgreSQL")
                        + ") and the asynchronous cache store; the semantic cache layer is off"
                        + " (`AIGW_CACHE_SEMANTIC_ENABLED=false`), its cost is the embedding, measured in"
                        + " `cache.md`",
                "`aigw-hit`: the same, with the same prompt every time, answered from the exact cache",
                "CPU of this gateway: gateway-service, routing-service, cache-service, billing-service, the"
                        + " embedded Redis"
                        + (ledgerBackends.isEmpty()
                                ? ""
                                : " and the " + ledgerBackends.size()
                                        + " PostgreSQL server processes serving billing's connections")
                        + " (the simulator serves only the streams and is not counted)");
    }

    private Map<String, List<Long>> gatewayProcesses() {
        Map<String, Long> services = new LinkedHashMap<>();
        services.put("gateway", stack.pid(Service.GATEWAY));
        services.put("routing", stack.pid(Service.ROUTING));
        services.put("cache", stack.pid(Service.CACHE));
        services.put("billing", stack.pid(Service.BILLING));
        stack.redisPid().ifPresent(pid -> services.put("redis", pid));
        Map<String, List<Long>> processes = Endpoint.single(services);
        if (!ledgerBackends.isEmpty()) {
            processes.put("postgres", ledgerBackends);
        }
        return processes;
    }

    private Map<String, String> gatewayHeaders() {
        return Map.of("Authorization", "Bearer " + key);
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
