package io.aigw.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.launcher.LocalStack;
import io.aigw.launcher.Service;
import io.aigw.launcher.StackSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every dashboard panel and every alert rule against a real Prometheus that scrapes the real services:
 * the stack of {@code ./aigw run} (LocalStack) and our own Prometheus, some traffic through the
 * gateway that touches every metric a panel shows, then each expression through {@code /api/v1/query}.
 * A panel on a metric no service exports fails here.
 */
class DashboardQueriesIT {

    private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalStack stack;
    private static PrometheusServer prometheus;

    @BeforeAll
    static void startStackPrometheusAndTraffic() {
        Path root = ProjectFiles.root();
        Path work = root.resolve("deploy-tests/target/dashboard-it");
        // fail before the slow part when the binary is missing
        PrometheusServer.binary();
        stack = LocalStack.start(StackSpec.builder(root)
                .services(List.of(Service.values()))
                .randomFreePorts()
                .embeddedRedis()
                .logDirectory(work.resolve("logs"))
                // the free plan with 60 requests a minute, so a short burst of cache hits meets the limit
                .env(Service.GATEWAY, "AIGW_DEMO_PLAN", "free")
                .env(Service.GATEWAY, "AIGW_GATEWAY_PLANS_FREE_RPM", "60")
                // several scaler decisions before the last scrape, so its panels have samples to show
                .env(Service.SCALER, "AIGW_SCALER_INTERVAL", "2s")
                // billing's budget gauges follow the spend within the traffic phase
                .env(Service.BILLING, "AIGW_BILLING_BUDGETS_STANDINGS_EVERY", "2s")
                // start-up is not what this checks; on a shared, busy machine it can take minutes
                .healthTimeout(Duration.ofSeconds(600))
                .build());
        prometheus = PrometheusServer.start(config(), work);
        await("Prometheus ready").atMost(Duration.ofSeconds(30)).until(prometheus::isReady);
        drive();
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldReturnDataForEveryPanelOfEveryDashboard() throws IOException {
        Set<String> exported = exportedMetricNames();
        List<String> problems = new ArrayList<>();
        int queries = 0;
        for (Map.Entry<String, String> panel : panelQueries().entrySet()) {
            queries++;
            String expr = PromQl.withGrafanaVariables(panel.getValue());
            JsonNode answer = prometheus.query(expr);
            if (!"success".equals(answer.path("status").asString())) {
                problems.add(panel.getKey() + ": " + answer.path("error").asString() + " in " + expr);
                continue;
            }
            if (answer.path("data").path("result").isEmpty()) {
                problems.add(panel.getKey() + ": no data for " + expr + "; samples of the last minute: "
                        + PromQl.metricNames(expr).stream()
                                .map(name -> name + " "
                                        + prometheus
                                                .query(name + "[1m]")
                                                .path("data")
                                                .path("result"))
                                .toList());
            }
            problems.addAll(missing(panel.getKey(), panel.getValue(), exported));
        }
        assertThat(queries).isGreaterThanOrEqualTo(30);
        assertThat(problems).as("panels without data").isEmpty();
    }

    @Test
    void shouldParseEveryAlertExpressionAndLoadEveryRule() throws IOException {
        Set<String> exported = exportedMetricNames();
        List<String> problems = new ArrayList<>();
        Map<String, String> alerts = alertExpressions();
        for (Map.Entry<String, String> alert : alerts.entrySet()) {
            JsonNode answer = prometheus.query(alert.getValue());
            if (!"success".equals(answer.path("status").asString())) {
                problems.add(alert.getKey() + ": " + answer.path("error").asString());
            }
            problems.addAll(missing(alert.getKey(), alert.getValue(), exported));
        }
        assertThat(alerts)
                .containsKeys(
                        "AigwHighErrorRate",
                        "AigwLatencyAboveSlo",
                        "AigwCircuitOpen",
                        "AigwUsagePublishBacklog",
                        "AigwTenantLimitsFallback",
                        "AigwProviderLimitsFallback",
                        "AigwTenantBudgetAt80Percent",
                        "AigwTenantBudgetExhausted");
        assertThat(problems).as("alert expressions").isEmpty();
        // Prometheus loaded the very file (rule_files) and evaluated every rule without an error
        await("every rule evaluated").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> health = new ArrayList<>();
            for (JsonNode group : prometheus.api("rules").path("data").path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    health.add(rule.path("name").asString() + "="
                            + rule.path("health").asString());
                }
            }
            assertThat(health).hasSize(alerts.size()).allMatch(h -> h.endsWith("=ok"));
        });
    }

    private static List<String> missing(String where, String expr, Set<String> exported) {
        Set<String> names = PromQl.metricNames(expr);
        List<String> problems = new ArrayList<>();
        if (names.isEmpty()) {
            problems.add(where + ": no metric found in " + expr);
        }
        for (String name : names) {
            if (!exported.contains(name)) {
                problems.add(where + ": no service exports " + name);
            }
        }
        return problems;
    }

    private static Set<String> exportedMetricNames() {
        Set<String> names = new TreeSet<>();
        prometheus.api("label/__name__/values").path("data").forEach(n -> names.add(n.asString()));
        return names;
    }

    /** "dashboard / panel / refId" to expression, for every target of every dashboard file. */
    private static Map<String, String> panelQueries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        try (var files = Files.list(ProjectFiles.dashboards())) {
            for (Path file : files.sorted().toList()) {
                JsonNode dashboard = JSON.readTree(Files.readString(file));
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        queries.put(
                                file.getFileName() + " / " + panel.path("title").asString() + " / "
                                        + target.path("refId").asString(),
                                target.path("expr").asString());
                    }
                }
            }
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> alertExpressions() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(ProjectFiles.alerts()));
        Map<String, String> alerts = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.put((String) rule.get("alert"), (String) rule.get("expr"));
            }
        }
        return alerts;
    }

    /** One job per service, as deploy/prometheus/prometheus.yml, on the stack's ports; the chart's alert rules. */
    private static String config() {
        StringBuilder yaml = new StringBuilder()
                .append("global:\n  scrape_interval: ")
                .append(SCRAPE_INTERVAL.toSeconds())
                .append("s\n")
                .append("  evaluation_interval: 1s\n")
                .append("rule_files:\n  - ")
                .append(ProjectFiles.alerts())
                .append('\n')
                .append("scrape_configs:\n");
        for (Service service : Service.values()) {
            yaml.append("  - job_name: ")
                    .append(service.moduleName())
                    .append('\n')
                    .append("    metrics_path: /actuator/prometheus\n")
                    .append("    static_configs:\n      - targets: [\"127.0.0.1:")
                    .append(stack.port(service))
                    .append("\"]\n");
        }
        return yaml.toString();
    }

    /**
     * Traffic that makes every panel's metric appear: misses, exact and semantic-candidate lookups,
     * a stream (time to first token), a fallback, a 5xx, and a tenant limit rejection (last: the free
     * plan then refuses the rest of the minute).
     */
    private static void drive() {
        String exact =
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]}";
        assertThat(chat(exact, false).statusCode()).isEqualTo(200);
        await("exact hit")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "hit-exact"
                        .equals(chat(exact, false)
                                .headers()
                                .firstValue("x-aigw-cache")
                                .orElse("")));

        // a near-repeat with another number: a semantic candidate the same-question verifier rejects
        String first =
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Split the bill of $90 between 3 people.\"}]}";
        String other =
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Split the bill of $90 between 4 people.\"}]}";
        assertThat(chat(first, false).statusCode()).isEqualTo(200);
        await("the first question stored")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "hit-exact"
                        .equals(chat(first, false)
                                .headers()
                                .firstValue("x-aigw-cache")
                                .orElse("")));
        await("a verifier rejection")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> chat(other, false).statusCode() == 200
                        && cacheMetric().contains("aigw_cache_verifier_rejections_total{"));

        String stream =
                "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Stream a few words.\"}]}";
        assertThat(chat(stream, true).statusCode()).isEqualTo(200);

        // the cheapest member of `auto` fails: a fallback to the next one
        simulator("/sim/models/sim-weak", "{\"failure_rate\":1,\"failure_kind\":\"500\"}");
        String auto = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"Fall back, please.\"}]}";
        assertThat(chat(auto, true).statusCode()).isEqualTo(200);
        // the only deployment of a model fails: a 5xx
        simulator("/sim/models/gpt-4o-mini", "{\"failure_rate\":1,\"failure_kind\":\"500\"}");
        String failing =
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"This one fails.\"}]}";
        assertThat(chat(failing, true).statusCode()).isGreaterThanOrEqualTo(500);
        simulator("/sim/reset", "");

        await("a tenant limit rejection")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> chat(exact, false).statusCode() == 429);

        // the demo tenant's plan has a monthly budget: billing's gauges show the traffic's spend against it
        await("the demo tenant's spend in billing's budget gauge")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !prometheus
                        .query(
                                "max by (tenant) (aigw_budget_spent_usd) > 0 and max by (tenant) (aigw_budget_monthly_usd) > 0")
                        .path("data")
                        .path("result")
                        .isEmpty());

        long trafficDone = System.currentTimeMillis();
        // two successful scrapes of every service after the traffic (a window that starts after it)
        await("two scrapes after the traffic").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long windowSeconds = (System.currentTimeMillis() - trafficDone) / 1000;
            assertThat(windowSeconds).isGreaterThanOrEqualTo(2);
            JsonNode result = prometheus
                    .query("sum by (job) (sum_over_time(up[" + windowSeconds + "s]))")
                    .path("data")
                    .path("result");
            assertThat(result).hasSize(Service.values().length);
            for (JsonNode series : result) {
                assertThat(Double.parseDouble(series.path("value").get(1).asString()))
                        .as(
                                "successful scrapes of %s",
                                series.path("metric").path("job").asString())
                        .isGreaterThanOrEqualTo(2);
            }
        });
    }

    /** cache-service's own metrics page (the traffic phase must not wait for a scrape). */
    private static String cacheMetric() {
        return send(HttpRequest.newBuilder(URI.create(stack.url(Service.CACHE) + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(10)))
                .body();
    }

    private static HttpResponse<String> chat(String body, boolean bypassCache) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(stack.url(Service.GATEWAY) + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + stack.demoKey())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bypassCache) {
            request.header("x-aigw-cache", "off");
        }
        return send(request);
    }

    private static void simulator(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(Service.SIMULATOR) + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10));
        request = json.isEmpty()
                ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.PUT(HttpRequest.BodyPublishers.ofString(json));
        assertThat(send(request).statusCode()).as("simulator %s", path).isBetween(200, 299);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
