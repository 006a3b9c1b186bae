package io.aigw.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSpecTest {

    private static final Path ROOT = Path.of("/tmp/aigw-root");

    @Test
    void shouldUseDesignPortsAndAllServicesInStartOrderByDefault() {
        // when
        StackSpec spec = StackSpec.builder(ROOT).baseEnvironment(Map.of()).build();

        // then
        assertThat(spec.services())
                .containsExactly(
                        Service.SIMULATOR,
                        Service.CACHE,
                        Service.BILLING,
                        Service.SCALER,
                        Service.ROUTING,
                        Service.GATEWAY);
        assertThat(spec.port(Service.GATEWAY)).isEqualTo(8080);
        assertThat(spec.port(Service.ROUTING)).isEqualTo(8081);
        assertThat(spec.port(Service.CACHE)).isEqualTo(8082);
        assertThat(spec.port(Service.BILLING)).isEqualTo(8083);
        assertThat(spec.port(Service.SCALER)).isEqualTo(8084);
        assertThat(spec.port(Service.SIMULATOR)).isEqualTo(8090);
        assertThat(spec.healthTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(spec.logDirectory()).isEqualTo(ROOT.resolve(".run/logs"));
        assertThat(spec.javaOpts()).isEqualTo(StackSpec.DEFAULT_JAVA_OPTS);
        assertThat(spec.externalRedisUrl()).isEmpty();
    }

    @Test
    void shouldKeepStartOrderWhateverOrderServicesAreGivenIn() {
        StackSpec spec = StackSpec.builder(ROOT)
                .services(Service.GATEWAY, Service.SIMULATOR, Service.ROUTING)
                .build();

        assertThat(spec.services()).containsExactly(Service.SIMULATOR, Service.ROUTING, Service.GATEWAY);
    }

    @Test
    void shouldMarkEveryPortRandomWhenRandomFreePortsIsAsked() {
        StackSpec spec = StackSpec.builder(ROOT)
                .port(Service.GATEWAY, 18080)
                .randomFreePorts()
                .build();

        assertThat(spec.port(Service.GATEWAY)).isEqualTo(18080);
        assertThat(spec.port(Service.ROUTING)).isEqualTo(StackSpec.RANDOM_PORT);
        assertThat(spec.port(Service.SIMULATOR)).isEqualTo(StackSpec.RANDOM_PORT);
    }

    @Test
    void shouldRejectTwoServicesOnOneFixedPort() {
        StackSpec.Builder builder = StackSpec.builder(ROOT).port(Service.ROUTING, 8080);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port 8080");
    }

    @Test
    void shouldAcceptAClashingPortOfAServiceThatIsNotStarted() {
        StackSpec spec = StackSpec.builder(ROOT)
                .services(Service.ROUTING)
                .port(Service.ROUTING, 8080)
                .build();

        assertThat(spec.port(Service.ROUTING)).isEqualTo(8080);
    }

    @Test
    void shouldRejectAnEmbeddedRedisPortThatIsAServicePort() {
        StackSpec.Builder builder = StackSpec.builder(ROOT).embeddedRedisPort(8081);

        assertThatThrownBy(builder::build).hasMessageContaining("8081");
    }

    @Test
    void shouldRejectBadValuesAndNameThem() {
        StackSpec.Builder builder = StackSpec.builder(ROOT);

        assertThatThrownBy(() -> builder.port(Service.GATEWAY, 70000)).hasMessageContaining("70000");
        assertThatThrownBy(() -> builder.healthTimeout(Duration.ZERO)).hasMessageContaining("healthTimeout");
        assertThatThrownBy(() -> builder.redisUrl("http://x")).hasMessageContaining("redis://");
        assertThatThrownBy(() -> builder.services(List.of())).hasMessageContaining("services");
        assertThatThrownBy(() -> builder.env("A=B", "c")).hasMessageContaining("A=B");
        assertThatThrownBy(() -> builder.internalToken(" ")).hasMessageContaining("internalToken");
    }

    @Test
    void shouldReadRedisUrlAndJavaOptsFromTheBaseEnvironment() {
        StackSpec spec = StackSpec.builder(ROOT)
                .baseEnvironment(Map.of(
                        "AIGW_REDIS_URL", "redis://127.0.0.1:6379", "AIGW_JAVA_OPTS", " -Xmx512m  -XX:+UseG1GC "))
                .build();

        assertThat(spec.externalRedisUrl()).contains("redis://127.0.0.1:6379");
        assertThat(spec.javaOpts()).containsExactly("-Xmx512m", "-XX:+UseG1GC");
    }

    @Test
    void shouldLetTheBuilderWinOverTheBaseEnvironment() {
        StackSpec spec = StackSpec.builder(ROOT)
                .baseEnvironment(Map.of("AIGW_REDIS_URL", "redis://127.0.0.1:6379", "AIGW_JAVA_OPTS", "-Xmx1g"))
                .embeddedRedis()
                .javaOpts(List.of("-Xmx128m"))
                .build();

        assertThat(spec.externalRedisUrl()).isEmpty();
        assertThat(spec.javaOpts()).containsExactly("-Xmx128m");
    }

    @Test
    void shouldKeepExtrasPerService() {
        StackSpec spec = StackSpec.builder(ROOT)
                .env("COMMON", "1")
                .env(Service.ROUTING, "ONLY_ROUTING", "2")
                .args(Service.GATEWAY, "--debug")
                .build();

        assertThat(spec.commonEnv()).containsExactly(Map.entry("COMMON", "1"));
        assertThat(spec.extraEnv(Service.ROUTING)).containsExactly(Map.entry("ONLY_ROUTING", "2"));
        assertThat(spec.extraEnv(Service.GATEWAY)).isEmpty();
        assertThat(spec.extraArgs(Service.GATEWAY)).containsExactly("--debug");
    }

    @Test
    void shouldNotShowSecretsInToString() {
        StackSpec spec = StackSpec.builder(ROOT)
                .internalToken("secret-token")
                .demoKey("aigw-demo-key")
                .build();

        assertThat(spec.toString()).doesNotContain("secret-token").doesNotContain("aigw-demo-key");
    }

    @Test
    void shouldFindJarsBelowTheRoot() {
        assertThat(Service.GATEWAY.jar(ROOT))
                .isEqualTo(ROOT.resolve("gateway-service/target/gateway-service-0.1.0-SNAPSHOT.jar"));
        assertThat(Service.ofModule("routing-service")).isEqualTo(Service.ROUTING);
    }

    @Test
    void defaultJavaOptsShareTheCoresOutAsEventLoops() {
        assertThat(StackSpec.defaultJavaOpts(2))
                .containsExactly("-Xmx256m", "-XX:+UseSerialGC", "-Dreactor.netty.ioWorkerCount=1");
        assertThat(StackSpec.defaultJavaOpts(12)).last().isEqualTo("-Dreactor.netty.ioWorkerCount=2");
    }

    @Test
    void everyJvmGetsAtLeastOneEventLoop() {
        assertThat(StackSpec.sharedEventLoops(2, 6)).isEqualTo(1);
        assertThat(StackSpec.sharedEventLoops(1, 6)).isEqualTo(1);
        assertThat(StackSpec.sharedEventLoops(24, 6)).isEqualTo(4);
        assertThat(StackSpec.sharedEventLoops(8, 0)).isEqualTo(8);
    }
}
