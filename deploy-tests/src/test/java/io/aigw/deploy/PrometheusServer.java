package io.aigw.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus (the Debian package's binary) of our own: loopback, a free port, a generated
 * configuration and a temporary data directory; stopped by its PID.
 */
final class PrometheusServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** The binary: {@code AIGW_TEST_PROMETHEUS_BIN} (set by scripts/ensure-test-infra.sh), else {@code prometheus} on the PATH. */
    static Path binary() {
        Optional<Path> fromEnv = Optional.ofNullable(System.getenv("AIGW_TEST_PROMETHEUS_BIN"))
                .filter(s -> !s.isBlank())
                .map(Path::of);
        Optional<Path> found = fromEnv.or(() -> {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "prometheus");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        });
        return found.filter(Files::isExecutable)
                .orElseThrow(() ->
                        new IllegalStateException("no prometheus binary: run `eval \"$(scripts/ensure-test-infra.sh)\"`"
                                + " (installs the Debian package prometheus and exports AIGW_TEST_PROMETHEUS_BIN),"
                                + " or set AIGW_TEST_PROMETHEUS_BIN to a Prometheus 2.x binary"));
    }

    static PrometheusServer start(String config, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path configFile = workDir.resolve("prometheus.yml");
            Files.writeString(configFile, config);
            Path data = Files.createTempDirectory(workDir, "data-");
            int port = freePort();
            Process process = new ProcessBuilder(
                            binary().toString(),
                            "--config.file=" + configFile,
                            "--storage.tsdb.path=" + data,
                            "--web.listen-address=127.0.0.1:" + port,
                            "--log.level=warn")
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("prometheus.log").toFile())
                    .start();
            return new PrometheusServer(process, "http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isReady() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code GET /api/v1/<path>}; returns the whole JSON answer (status, data or error). */
    JsonNode api(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/" + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An instant query through {@code /api/v1/query}. */
    JsonNode query(String promql) {
        return api("query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        ProcessHandle handle = process.toHandle();
        handle.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
