package io.aigw.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    private static final Path ROOT = Path.of("/tmp/aigw-root");
    private static final String REDIS = "redis://127.0.0.1:6390";

    private static Map<Service, Integer> designPorts() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return ports;
    }

    @Test
    void shouldGiveEveryChildTheContractVariables() {
        // given
        StackSpec spec = StackSpec.builder(ROOT)
                .baseEnvironment(Map.of("PATH", "/usr/bin", "AIGW_SHARED_DATA", "/data/shared"))
                .internalToken("tok")
                .demoKey("aigw-demo-abc")
                .build();

        // when
        Map<String, String> env =
                ChildEnvironment.compose(spec, Service.GATEWAY, designPorts(), REDIS, StackSecrets.resolve(spec));

        // then
        assertThat(env)
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("AIGW_REDIS_URL", REDIS)
                .containsEntry("AIGW_INTERNAL_TOKEN", "tok")
                .containsEntry("AIGW_DEMO_KEY", "aigw-demo-abc")
                .containsEntry("AIGW_ROUTING_URL", "http://127.0.0.1:8081")
                .containsEntry("AIGW_CACHE_URL", "http://127.0.0.1:8082")
                .containsEntry("AIGW_BILLING_URL", "http://127.0.0.1:8083")
                .containsEntry("AIGW_SIMULATOR_URL", "http://127.0.0.1:8090")
                .containsEntry("AIGW_SHARED_DATA", "/data/shared")
                .containsEntry("PATH", "/usr/bin")
                .containsEntry("MALLOC_ARENA_MAX", "2");
    }

    @Test
    void shouldLeaveAnArenaLimitTheEnvironmentAlreadySets() {
        StackSpec spec = StackSpec.builder(ROOT)
                .baseEnvironment(Map.of("MALLOC_ARENA_MAX", "4"))
                .internalToken("tok")
                .build();

        Map<String, String> env =
                ChildEnvironment.compose(spec, Service.BILLING, designPorts(), REDIS, StackSecrets.resolve(spec));

        assertThat(env).containsEntry("MALLOC_ARENA_MAX", "4");
    }

    @Test
    void shouldGiveEachChildItsOwnPort() {
        StackSpec spec = StackSpec.builder(ROOT).baseEnvironment(Map.of()).build();
        StackSecrets secrets = StackSecrets.resolve(spec);

        assertThat(ChildEnvironment.compose(spec, Service.ROUTING, designPorts(), REDIS, secrets))
                .containsEntry("SERVER_PORT", "8081");
        assertThat(ChildEnvironment.compose(spec, Service.SIMULATOR, designPorts(), REDIS, secrets))
                .containsEntry("SERVER_PORT", "8090");
    }

    @Test
    void shouldOverrideInheritedContractVariablesButLetExtrasWin() {
        // given: the parent has a stale SERVER_PORT and routing URL
        StackSpec spec = StackSpec.builder(ROOT)
                .baseEnvironment(Map.of("SERVER_PORT", "1", "AIGW_ROUTING_URL", "http://elsewhere"))
                .env("AIGW_SIMULATOR_URL", "http://common-override")
                .env(Service.GATEWAY, "AIGW_SIMULATOR_URL", "http://gateway-override")
                .build();

        // when
        Map<String, String> gateway =
                ChildEnvironment.compose(spec, Service.GATEWAY, designPorts(), REDIS, StackSecrets.resolve(spec));
        Map<String, String> routing =
                ChildEnvironment.compose(spec, Service.ROUTING, designPorts(), REDIS, StackSecrets.resolve(spec));

        // then
        assertThat(gateway)
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("AIGW_ROUTING_URL", "http://127.0.0.1:8081")
                .containsEntry("AIGW_SIMULATOR_URL", "http://gateway-override");
        assertThat(routing).containsEntry("AIGW_SIMULATOR_URL", "http://common-override");
    }

    @Test
    void shouldNameOnlyServicesOfTheStack() {
        StackSpec spec = StackSpec.builder(ROOT).baseEnvironment(Map.of()).build();
        Map<Service, Integer> ports = new EnumMap<>(Map.of(Service.ROUTING, 40001, Service.SIMULATOR, 40002));

        Map<String, String> env =
                ChildEnvironment.compose(spec, Service.ROUTING, ports, REDIS, StackSecrets.resolve(spec));

        assertThat(env).containsEntry("AIGW_SIMULATOR_URL", "http://127.0.0.1:40002");
        assertThat(env).doesNotContainKeys("AIGW_CACHE_URL", "AIGW_BILLING_URL");
    }

    @Test
    void shouldPutOptionsButNoSecretOnTheCommandLine() {
        StackSpec spec = StackSpec.builder(ROOT)
                .baseEnvironment(Map.of())
                .javaExecutable(Path.of("/opt/jdk/bin/java"))
                .internalToken("tok-secret")
                .args(Service.ROUTING, "--logging.level.io.aigw=debug")
                .build();

        List<String> command = ChildProcess.command(spec, Service.ROUTING);

        assertThat(command)
                .containsExactly(
                        "/opt/jdk/bin/java",
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        StackSpec.DEFAULT_JAVA_OPTS.get(2),
                        "-jar",
                        ROOT.resolve("routing-service/target/routing-service-0.1.0-SNAPSHOT.jar")
                                .toString(),
                        "--logging.level.io.aigw=debug");
        assertThat(String.join(" ", command)).doesNotContain("tok-secret");
    }

    @Test
    void shouldGiveTheCacheServiceTheCommonHeapLikeEveryOtherService() {
        // its embedding model lives in native memory, so it needs no larger heap of its own
        StackSpec spec = StackSpec.builder(ROOT)
                .baseEnvironment(Map.of())
                .javaExecutable(Path.of("/opt/jdk/bin/java"))
                .build();

        List<String> command = ChildProcess.command(spec, Service.CACHE);

        assertThat(command)
                .containsExactly(
                        "/opt/jdk/bin/java",
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        StackSpec.DEFAULT_JAVA_OPTS.get(2),
                        "-jar",
                        ROOT.resolve("cache-service/target/cache-service-0.1.0-SNAPSHOT.jar")
                                .toString());
    }
}
