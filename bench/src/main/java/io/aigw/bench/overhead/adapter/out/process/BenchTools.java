package io.aigw.bench.overhead.adapter.out.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The external tools of the overhead benchmark, found by {@code scripts/ensure-bench-tools.sh}
 * ({@code AIGW_BENCH_*}), and the files they run from: the nginx configurations and the scripts ship in
 * this jar ({@code /overhead/}) and are written to the run directory.
 *
 * @param wrk the wrk binary
 * @param nginx the nginx binary
 * @param node the node binary
 * @param portkey the Portkey gateway's {@code start-server.js}
 * @param runDirectory where configurations, scripts and logs go
 */
public record BenchTools(Path wrk, Path nginx, Path node, Path portkey, Path runDirectory) {

    private static final Duration START_WAIT = Duration.ofSeconds(30);

    /** From the variables the ensure script prints; names the script when one is missing. */
    public static BenchTools fromEnvironment(Map<String, String> env, Path runDirectory) {
        return new BenchTools(
                tool(env, "AIGW_BENCH_WRK"),
                tool(env, "AIGW_BENCH_NGINX"),
                tool(env, "AIGW_BENCH_NODE"),
                tool(env, "AIGW_BENCH_PORTKEY"),
                runDirectory);
    }

    /** Writes {@code chat.lua} to the run directory and returns its path. */
    public Path wrkScript() {
        return copy("chat.lua", Map.of());
    }

    /** The fixed-answer nginx upstream on {@code port}. */
    public ToolProcess startUpstream(int port) {
        Path conf = copy("upstream-nginx.conf", Map.of("@DIR@", dir(), "@PORT@", Integer.toString(port)));
        return ToolProcess.start(
                "nginx-upstream",
                List.of(nginx.toString(), "-c", conf.toString(), "-p", dir()),
                Map.of(),
                runDirectory,
                runDirectory.resolve("upstream-nginx.log"),
                List.of(port),
                START_WAIT);
    }

    /** The plain nginx proxy: {@code port} to the upstream, {@code streamPort} to the simulator. */
    public ToolProcess startProxy(int port, int upstreamPort, int streamPort, int simulatorPort) {
        Path conf = copy(
                "proxy-nginx.conf",
                Map.of(
                        "@DIR@", dir(),
                        "@PORT@", Integer.toString(port),
                        "@UPSTREAM_PORT@", Integer.toString(upstreamPort),
                        "@STREAM_PORT@", Integer.toString(streamPort),
                        "@SIMULATOR_PORT@", Integer.toString(simulatorPort)));
        return ToolProcess.start(
                "nginx-proxy",
                List.of(nginx.toString(), "-c", conf.toString(), "-p", dir()),
                Map.of(),
                runDirectory,
                runDirectory.resolve("proxy-nginx.log"),
                List.of(port, streamPort),
                START_WAIT);
    }

    /** The Portkey gateway as installed from npm, headless, in production mode, on 127.0.0.1 only. */
    public ToolProcess startPortkey(int port) {
        Path loopback = copy("loopback-only.cjs", Map.of());
        return ToolProcess.start(
                "portkey",
                List.of(
                        node.toString(),
                        "--require",
                        loopback.toString(),
                        portkey.toString(),
                        "--port=" + port,
                        "--headless"),
                Map.of("NODE_ENV", "production"),
                runDirectory,
                runDirectory.resolve("portkey.log"),
                List.of(port),
                START_WAIT);
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private String dir() {
        return runDirectory.toString();
    }

    private Path copy(String resource, Map<String, String> replacements) {
        try (InputStream in = BenchTools.class.getResourceAsStream("/overhead/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("resource /overhead/" + resource + " is missing from the bench jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                text = text.replace(r.getKey(), r.getValue());
            }
            Files.createDirectories(runDirectory);
            Path target = runDirectory.resolve(resource);
            Files.writeString(target, text, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + resource + " to " + runDirectory, e);
        }
    }

    private static Path tool(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank() || !Files.exists(Path.of(value))) {
            throw new IllegalArgumentException(name + " is not set or does not exist: run the benchmark through"
                    + " ./aigw bench overhead, or first eval \"$(scripts/ensure-bench-tools.sh)\"");
        }
        return Path.of(value);
    }
}
