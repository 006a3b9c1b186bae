package io.aigw.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Launcher launcher = new Launcher(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());

    @Test
    void shouldPrintUsageOnHelp() {
        assertThat(launcher.execute(new String[] {"help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage:").contains("AIGW_REDIS_URL");
    }

    @Test
    void shouldRejectAnUnknownCommand() {
        assertThat(launcher.execute(new String[] {"fly"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: fly");
    }

    @Test
    void shouldRefuseADirectoryThatIsNotTheProject() {
        assertThat(launcher.execute(new String[] {"run", root.toString()})).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not the AI gateway project root");
    }

    @Test
    void shouldNameMissingJarsAndTheBuildCommand() throws IOException {
        // given a project root with only the gateway jar built
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path gatewayJar = Service.GATEWAY.jar(root);
        Files.createDirectories(gatewayJar.getParent());
        Files.writeString(gatewayJar, "not really a jar");

        // when
        int code = launcher.execute(new String[] {"run", root.toString()});

        // then
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(text)
                .contains("routing-service/target/routing-service-0.1.0-SNAPSHOT.jar")
                .contains("provider-simulator/target/provider-simulator-0.1.0-SNAPSHOT.jar")
                .doesNotContain("gateway-service/target")
                .contains("./mvnw -B -DskipTests");
        assertThat(root.resolve(".run/launcher.pid")).doesNotExist();
    }

    @Test
    void shouldUseTheDesignPortsAndRedis6390InTheCli() {
        StackSpec spec = launcher.spec(root);

        assertThat(spec.port(Service.GATEWAY)).isEqualTo(8080);
        assertThat(spec.embeddedRedisPort()).isEqualTo(6390);
        assertThat(spec.logDirectory()).isEqualTo(root.resolve(".run/logs"));
        assertThat(spec.runJar(Service.ROUTING))
                .isEqualTo(root.resolve(".run/jars/routing-service-0.1.0-SNAPSHOT.jar"));
    }

    @Test
    void shouldNotSeeADeadLauncherAsRunning() throws Exception {
        RunFiles files = new RunFiles(root.resolve(".run"));
        Process gone = new ProcessBuilder(StackSpec.currentJava().toString(), "-version").start();
        gone.waitFor();
        files.writeLauncherPid(gone.pid());

        assertThat(files.liveOtherLauncher(ProcessHandle.current().pid())).isEmpty();
        assertThat(files.liveOtherLauncher(gone.pid())).isEmpty();
    }

    @Test
    void shouldWritePidFilesAsModuleAndPidLines() {
        RunFiles files = new RunFiles(root.resolve(".run"));
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("redis", 10L);
        pids.put("provider-simulator", 11L);

        files.writeLauncherPid(9);
        files.writePids(pids);

        assertThat(files.pidsFile()).hasContent("redis 10\nprovider-simulator 11");
        assertThat(files.launcherPidFile()).hasContent("9");
        files.deleteIfOwnedBy(8);
        assertThat(files.pidsFile()).exists();
        files.deleteIfOwnedBy(9);
        assertThat(files.pidsFile()).doesNotExist();
        assertThat(files.launcherPidFile()).doesNotExist();
    }
}
