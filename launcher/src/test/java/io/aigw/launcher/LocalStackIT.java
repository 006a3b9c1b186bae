package io.aigw.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts real child processes (a tiny HTTP server packaged as each service's jar) and a real embedded
 * Redis; the real services are exercised by e2e-tests.
 */
class LocalStackIT {

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Long> startedPids = new ArrayList<>();

    @BeforeEach
    void packageFakeServices() throws IOException {
        for (Service service : Service.values()) {
            writeFakeJar(service.jar(root));
        }
    }

    private StackSpec.Builder spec() {
        return StackSpec.builder(root)
                .randomFreePorts()
                .baseEnvironment(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin")))
                .javaOpts(List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
                .healthTimeout(Duration.ofSeconds(60))
                .stopGrace(Duration.ofSeconds(5))
                .listener(new StackListener() {
                    @Override
                    public void redisStarted(String redisUrl, long pid) {
                        startedPids.add(pid);
                    }

                    @Override
                    public void serviceStarted(Service service, long pid, Path logFile) {
                        startedPids.add(pid);
                    }
                });
    }

    @Test
    void shouldStartEveryServiceWithTheContractEnvironmentAndStopThemAll() throws Exception {
        // when
        LocalStack stack =
                LocalStack.start(spec().env(Service.GATEWAY, "EXTRA", "yes").build());
        try {
            // then every service is ready on its own port and got the contract variables
            for (Service service : Service.values()) {
                assertThat(get(stack.url(service) + "/actuator/health/readiness"))
                        .contains("UP");
                assertThat(get(stack.url(service) + "/env/SERVER_PORT")).isEqualTo(String.valueOf(stack.port(service)));
                assertThat(stack.logFile(service)).content().contains("fake service listening");
            }
            String gateway = stack.url(Service.GATEWAY);
            assertThat(get(gateway + "/env/AIGW_ROUTING_URL")).isEqualTo(stack.url(Service.ROUTING));
            assertThat(get(gateway + "/env/AIGW_REDIS_URL")).isEqualTo(stack.redisUrl());
            assertThat(get(gateway + "/env/AIGW_INTERNAL_TOKEN")).isEqualTo(stack.internalToken());
            assertThat(get(gateway + "/env/AIGW_DEMO_KEY"))
                    .isEqualTo(stack.demoKey())
                    .startsWith("aigw-demo-");
            assertThat(get(gateway + "/env/EXTRA")).isEqualTo("yes");
            assertThat(get(stack.url(Service.ROUTING) + "/env/EXTRA")).isEqualTo("null");
            assertThat(redisAnswersPing(stack.redisUrl())).isTrue();
            assertThat(stack.redisUrl()).doesNotEndWith(":6379");

            // and a service can be killed and restarted on the same port
            long before = stack.pid(Service.ROUTING);
            stack.stop(Service.ROUTING);
            assertThat(ProcessHandle.of(before)).isEmpty();
            stack.restart(Service.ROUTING);
            assertThat(stack.pid(Service.ROUTING)).isNotEqualTo(before);
            assertThat(get(stack.url(Service.ROUTING) + "/actuator/health/readiness"))
                    .contains("UP");
            assertThat(stack.logFile(Service.ROUTING)).content().contains("restarted by the launcher");

            // and so can the embedded Redis, on the same port
            long redisBefore = stack.redisPid().orElseThrow();
            stack.killRedis();
            assertThat(ProcessHandle.of(redisBefore)).isEmpty();
            assertThat(redisAnswersPing(stack.redisUrl())).isFalse();
            stack.startRedisAgain();
            assertThat(stack.redisPid().orElseThrow()).isNotEqualTo(redisBefore);
            assertThat(redisAnswersPing(stack.redisUrl())).isTrue();
        } finally {
            stack.close();
        }

        // then nothing is left, and close is idempotent
        // redis twice, six services, one restart
        assertThat(startedPids).hasSize(Service.values().length + 3);
        assertThat(startedPids)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
        stack.close();
    }

    @Test
    void shouldStopEverythingAndQuoteTheLogWhenAServiceExitsEarly() {
        StackSpec spec = spec().env(Service.BILLING, "FAKE_MODE", "exit").build();

        assertThatThrownBy(() -> LocalStack.start(spec))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("billing-service exited with code 3")
                .hasMessageContaining("boom: cannot start");
        assertThat(startedPids).isNotEmpty().allSatisfy(pid -> assertThat(ProcessHandle.of(pid))
                .isEmpty());
    }

    @Test
    void shouldGiveUpAfterTheHealthTimeout() {
        StackSpec spec = spec().services(Service.SIMULATOR, Service.GATEWAY)
                .env(Service.GATEWAY, "FAKE_MODE", "never-ready")
                .healthTimeout(Duration.ofSeconds(5))
                .build();

        assertThatThrownBy(() -> LocalStack.start(spec))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("gateway-service was not ready")
                .hasMessageContaining("within 5 s")
                .hasMessageContaining("fake service listening");
        assertThat(startedPids).hasSize(3).allSatisfy(pid -> assertThat(ProcessHandle.of(pid))
                .isEmpty());
    }

    @Test
    void shouldUseAnExternalRedisWithoutStartingOne() {
        StackSpec spec = spec().services(Service.SIMULATOR)
                .redisUrl("redis://127.0.0.1:1")
                .jarSnapshotDirectory(root.resolve("snapshot"))
                .build();

        try (LocalStack stack = LocalStack.start(spec)) {
            assertThat(stack.redisUrl()).isEqualTo("redis://127.0.0.1:1");
            assertThat(stack.redisPid()).isEmpty();
            assertThat(root.resolve("snapshot/provider-simulator-0.1.0-SNAPSHOT.jar"))
                    .exists();
            assertThat(ProcessHandle.of(stack.pid(Service.SIMULATOR))
                            .flatMap(h -> h.info().commandLine()))
                    .hasValueSatisfying(line -> assertThat(line).contains("snapshot"));
            assertThat(startedPids).hasSize(1);
        }
    }

    @Test
    void shouldRefuseAFixedPortInUseBeforeStartingAnything() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackSpec spec = spec().port(Service.GATEWAY, busy.getLocalPort()).build();

            assertThatThrownBy(() -> LocalStack.start(spec))
                    .hasMessageContaining("port " + busy.getLocalPort() + " (gateway-service) is already in use");
            assertThat(startedPids).isEmpty();
        }
    }

    private static Socket connectOrNull(URI uri) throws IOException {
        try {
            return new Socket(uri.getHost(), uri.getPort());
        } catch (java.net.ConnectException refused) {
            return null;
        }
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean redisAnswersPing(String redisUrl) throws IOException {
        URI uri = URI.create(redisUrl);
        try (Socket socket = connectOrNull(uri)) {
            if (socket == null) {
                return false;
            }
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return "+PONG"
                    .equals(new BufferedReader(
                                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine());
        }
    }

    private static void writeFakeJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                InputStream classFile = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
    }
}
