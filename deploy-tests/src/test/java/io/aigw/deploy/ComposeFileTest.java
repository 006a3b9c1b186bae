package io.aigw.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.launcher.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and the files it uses: every reference points at something that exists (services,
 * files, ports, environment variables the services read), and every service image is built the same way.
 * No Docker engine here, so this is as far as the compose file can be checked without running it.
 */
class ComposeFileTest {

    private static final Pattern README_PORT_ROW =
            Pattern.compile("^\\| `([a-z-]+)` \\| (\\d+) \\|", Pattern.MULTILINE);
    /** Variables a Spring Boot service or the JVM reads without naming them in its own files. */
    private static final List<String> PLATFORM_VARIABLES =
            List.of("SERVER_PORT", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        compose = new Yaml().load(Files.readString(ProjectFiles.root().resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void shouldRunEveryServiceOfTheStackWithTheInfrastructure() {
        List<String> expected = new ArrayList<>(List.of("postgres", "redis", "prometheus", "grafana"));
        for (Service service : Service.values()) {
            expected.add(service.moduleName());
        }
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(image("postgres")).isEqualTo("pgvector/pgvector:pg16");
        assertThat(image("redis")).isEqualTo("redis:7");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDependOnlyOnDefinedServicesThatHaveAHealthCheck() throws IOException {
        int healthyDependencies = 0;
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Object dependsOn = service.getValue().get("depends_on");
            Map<String, Object> targets = new LinkedHashMap<>();
            if (dependsOn instanceof List<?> list) {
                list.forEach(t -> targets.put((String) t, Map.of()));
            } else if (dependsOn instanceof Map<?, ?> map) {
                targets.putAll((Map<String, Object>) map);
            }
            for (Map.Entry<String, Object> target : targets.entrySet()) {
                assertThat(services)
                        .as("%s depends on %s", service.getKey(), target.getKey())
                        .containsKey(target.getKey());
                Object condition = ((Map<String, Object>) target.getValue()).get("condition");
                if ("service_healthy".equals(condition)) {
                    healthyDependencies++;
                    assertThat(hasHealthCheck(target.getKey()))
                            .as(
                                    "%s waits for %s to be healthy, which has no health check",
                                    service.getKey(), target.getKey())
                            .isTrue();
                }
            }
        }
        assertThat(healthyDependencies).isGreaterThanOrEqualTo(6);
    }

    @Test
    void shouldMountOnlyFilesThatExistInTheRepository() {
        int mounts = 0;
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            for (Object volume : list(service.getValue().get("volumes"))) {
                String source = ((String) volume).split(":")[0];
                if (source.startsWith(".")) {
                    mounts++;
                    assertThat(ProjectFiles.root().resolve(source))
                            .as("mounted by %s", service.getKey())
                            .exists();
                }
            }
        }
        assertThat(mounts).isGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldPublishEveryServiceOnItsPortFromTheDesign() throws IOException {
        Map<String, Integer> readmePorts = new LinkedHashMap<>();
        Matcher row =
                README_PORT_ROW.matcher(Files.readString(ProjectFiles.root().resolve("README.md")));
        while (row.find()) {
            readmePorts.put(row.group(1), Integer.parseInt(row.group(2)));
        }
        for (Service service : Service.values()) {
            int port = service.defaultPort();
            assertThat(readmePorts).as("README service table").containsEntry(service.moduleName(), port);
            assertThat(list(services.get(service.moduleName()).get("ports")))
                    .as("ports of %s", service.moduleName())
                    .containsExactly((Object) (port + ":" + port));
            assertThat(dockerfile(service)).contains("EXPOSE " + port, "SERVER_PORT=" + port);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSetOnlyVariablesTheServiceReads() throws IOException {
        for (Service service : Service.values()) {
            Map<String, Object> environment =
                    (Map<String, Object>) services.get(service.moduleName()).getOrDefault("environment", Map.of());
            String sources = mainSources(service);
            for (String variable : environment.keySet()) {
                if (PLATFORM_VARIABLES.contains(variable)) {
                    continue;
                }
                assertThat(sources)
                        .as("%s is set for %s but nothing in its src/main reads it", variable, service.moduleName())
                        .contains(variable);
            }
        }
        Map<String, Object> routing =
                (Map<String, Object>) services.get("routing-service").get("environment");
        assertThat(routing.get("AIGW_CACHE_URL")).isEqualTo("http://cache-service:8082");
        assertThat(routing.get("AIGW_SIMULATOR_URL")).isEqualTo("http://provider-simulator:8090");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldLimitTheMemoryOfEveryContainer() {
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Map<String, Object> deploy =
                    (Map<String, Object>) service.getValue().get("deploy");
            assertThat(deploy).as("deploy of %s", service.getKey()).isNotNull();
            Map<String, Object> limits =
                    (Map<String, Object>) ((Map<String, Object>) deploy.get("resources")).get("limits");
            assertThat((String) limits.get("memory"))
                    .as("memory limit of %s", service.getKey())
                    .matches("\\d+[MG]");
        }
    }

    @Test
    void shouldBuildEveryServiceImageFromALayeredNonRootDockerfile() throws IOException {
        for (Service service : Service.values()) {
            String dockerfile = dockerfile(service);
            assertThat(services.get(service.moduleName()).get("build")).isEqualTo("./" + service.moduleName());
            assertThat(dockerfile)
                    .as("Dockerfile of %s", service.moduleName())
                    .contains(
                            "FROM eclipse-temurin:17-jre",
                            "COPY target/" + service.moduleName() + "-*.jar",
                            "-Djarmode=tools -jar app.jar extract --layers --launcher",
                            "USER 10001:10001",
                            "-XX:MaxRAMPercentage=",
                            "/actuator/health/readiness",
                            "ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
            assertThat(dockerfile.lines().filter(l -> l.startsWith("HEALTHCHECK")))
                    .hasSize(1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldScrapeEveryServiceInAJobOfItsOwn() throws IOException {
        Map<String, Object> prometheus =
                new Yaml().load(Files.readString(ProjectFiles.root().resolve("deploy/prometheus/prometheus.yml")));
        Map<String, String> targets = new LinkedHashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            List<Map<String, Object>> statics = (List<Map<String, Object>>) job.get("static_configs");
            String target = ((List<String>) statics.get(0).get("targets")).get(0);
            targets.put(
                    (String) job.get("job_name"),
                    target + (job.containsKey("metrics_path") ? job.get("metrics_path") : ""));
        }
        for (Service service : Service.values()) {
            assertThat(targets)
                    .containsEntry(
                            service.moduleName(),
                            service.moduleName() + ":" + service.defaultPort() + "/actuator/prometheus");
        }
        assertThat(prometheus.get("rule_files")).isEqualTo(List.of("/etc/prometheus/rules/*.yaml"));
        assertThat(list(services.get("prometheus").get("volumes")))
                .contains((Object) "./helm/ai-gateway/files/alerts:/etc/prometheus/rules:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldProvisionGrafanaWithTheChartsDashboardsAndAPrometheusDatasource() throws IOException {
        Path provisioning = ProjectFiles.root().resolve("deploy/grafana/provisioning");
        Map<String, Object> providers = new Yaml().load(Files.readString(provisioning.resolve("dashboards/aigw.yml")));
        String path = (String) ((Map<String, Object>) ((List<Map<String, Object>>) providers.get("providers"))
                        .get(0)
                        .get("options"))
                .get("path");
        Map<String, Object> datasources =
                new Yaml().load(Files.readString(provisioning.resolve("datasources/prometheus.yml")));
        Map<String, Object> datasource = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);

        assertThat(list(services.get("grafana").get("volumes")))
                .contains(
                        (Object) "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                        "./helm/ai-gateway/files/dashboards:" + path + ":ro");
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        // one copy of the dashboards: the chart's files/, which compose mounts
        try (Stream<Path> files = Files.walk(ProjectFiles.root().resolve("deploy"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".json")).collect(Collectors.toList()))
                    .isEmpty();
        }
    }

    private static boolean hasHealthCheck(String service) throws IOException {
        Map<String, Object> definition = services.get(service);
        if (definition.containsKey("healthcheck")) {
            return true;
        }
        Object build = definition.get("build");
        return build instanceof String context
                && Files.readString(ProjectFiles.root().resolve(context).resolve("Dockerfile"))
                        .contains("HEALTHCHECK");
    }

    private static String image(String service) {
        return (String) services.get(service).get("image");
    }

    private static String dockerfile(Service service) throws IOException {
        return Files.readString(
                ProjectFiles.root().resolve(service.moduleName()).resolve("Dockerfile"));
    }

    private static List<Object> list(Object value) {
        return value == null ? List.of() : new ArrayList<>((List<?>) value);
    }

    /** Every application.yml and Java source of the service's src/main, as one text. */
    private static String mainSources(Service service) throws IOException {
        Path main = ProjectFiles.root().resolve(service.moduleName()).resolve("src/main");
        try (Stream<Path> files = Files.walk(main)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".java"))
                    .collect(Collectors.toList())) {
                text.append(Files.readString(file)).append('\n');
            }
            return text.toString();
        }
    }
}
