package io.aigw.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules' behaviour on synthetic series, with Prometheus' own {@code promtool test rules}
 * (shipped next to the {@code prometheus} binary by the Debian package): that a rule fires when it
 * should, with the labels and text an operator sees, and stays quiet otherwise. DashboardQueriesIT
 * checks that the expressions run against the real services; this checks what they decide.
 */
class AlertRulesIT {

    @Test
    void shouldFireTheBudgetAlertsAt80And100PercentWhenPromtoolReplaysTheSpend() throws Exception {
        // given: the test file with the chart's rule file in it
        Path work = ProjectFiles.root().resolve("deploy-tests/target/alert-rules-it");
        Files.createDirectories(work);
        Path test = work.resolve("budget-alerts.test.yaml");
        Files.writeString(
                test,
                resource("/alerts/budget-alerts.test.yaml")
                        .replace("${RULES}", ProjectFiles.alerts().toString()));

        // when
        Process promtool = new ProcessBuilder(promtool().toString(), "test", "rules", test.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = promtool.waitFor(2, TimeUnit.MINUTES);

        // then
        assertThat(finished).as("promtool finished").isTrue();
        assertThat(promtool.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }

    private static Path promtool() {
        Path promtool = PrometheusServer.binary().resolveSibling("promtool");
        assertThat(promtool)
                .as("promtool next to %s (the Debian package prometheus ships both)", PrometheusServer.binary())
                .isExecutable();
        return promtool;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AlertRulesIT.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
