package io.aigw.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** helm/ai-gateway: lint, render with every value set of ci/, and check the rendered manifests. */
class HelmChartTest {

    private static final Set<String> VERSIONED_LABELS = Set.of("helm.sh/chart", "app.kubernetes.io/version");

    /** The default values, then every file of ci/. */
    static Stream<Optional<Path>> valueSets() throws IOException {
        try (Stream<Path> files = Files.list(ProjectFiles.chart().resolve("ci"))) {
            List<Optional<Path>> sets = new ArrayList<>();
            sets.add(Optional.empty());
            files.filter(f -> f.toString().endsWith(".yaml"))
                    .sorted()
                    .map(Optional::of)
                    .forEach(sets::add);
            return sets.stream();
        }
    }

    private static List<HasMetadata> allOn() {
        return Chart.render(Optional.of(ProjectFiles.chart().resolve("ci/all-on-values.yaml")));
    }

    @Test
    void shouldPassStrictLintWhenTheDefaultValuesAreUsed() {
        // helm-java 0.0.21 lints with the chart's own values only; the ci/ sets are checked by rendering
        // them (which also validates them against values.schema.json)
        LintResult result = new Helm(ProjectFiles.chart()).lint().strict().call();

        assertThat(result.isFailed()).as("lint: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void shouldHaveACiValueSetForDefaultsEverythingOnAndExternalDatabases() throws IOException {
        assertThat(valueSets().flatMap(Optional::stream).map(p -> p.getFileName()
                        .toString()))
                .contains("default-values.yaml", "all-on-values.yaml", "external-db-values.yaml");
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void shouldGiveEveryContainerBothProbesAndEveryPodANonRootReadOnlyContextWhenRendered(Optional<Path> values) {
        List<HasMetadata> manifests = Chart.renderWithHooks(values);

        List<Deployment> deployments = Chart.ofKind(manifests, Deployment.class);
        assertThat(deployments).isNotEmpty();
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            for (Container container :
                    deployment.getSpec().getTemplate().getSpec().getContainers()) {
                assertThat(container.getLivenessProbe())
                        .as("liveness probe of %s", name)
                        .isNotNull();
                assertThat(container.getReadinessProbe())
                        .as("readiness probe of %s", name)
                        .isNotNull();
            }
        }
        for (Map.Entry<String, PodTemplateSpec> pod : podTemplates(manifests).entrySet()) {
            PodSpec spec = pod.getValue().getSpec();
            List<Container> containers = new ArrayList<>(spec.getContainers());
            containers.addAll(spec.getInitContainers());
            for (Container container : containers) {
                boolean nonRoot = Boolean.TRUE.equals(spec.getSecurityContext().getRunAsNonRoot())
                        || (container.getSecurityContext() != null
                                && Boolean.TRUE.equals(
                                        container.getSecurityContext().getRunAsNonRoot()));
                assertThat(nonRoot)
                        .as("runAsNonRoot of %s/%s", pod.getKey(), container.getName())
                        .isTrue();
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                        .as("readOnlyRootFilesystem of %s/%s", pod.getKey(), container.getName())
                        .isTrue();
            }
        }
    }

    @Test
    void shouldProbeTheActuatorHealthGroupsWhenAServiceRuns() {
        Deployment gateway = deployment(Chart.render(Optional.empty()), "aigw-ai-gateway-gateway");
        Container container =
                gateway.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void shouldKeepChartAndVersionLabelsOutOfEverySelectorWhenRendered(Optional<Path> values) {
        List<HasMetadata> manifests = Chart.renderWithHooks(values);
        List<Map<String, String>> selectors = new ArrayList<>();
        Chart.ofKind(manifests, Deployment.class)
                .forEach(d -> selectors.add(d.getSpec().getSelector().getMatchLabels()));
        Chart.ofKind(manifests, Service.class)
                .forEach(s -> selectors.add(s.getSpec().getSelector()));
        Chart.ofKind(manifests, PodDisruptionBudget.class)
                .forEach(p -> selectors.add(p.getSpec().getSelector().getMatchLabels()));
        serviceMonitors(manifests).forEach(sm -> selectors.add(matchLabels(sm)));

        assertThat(selectors).isNotEmpty().allSatisfy(selector -> assertThat(selector)
                .isNotEmpty()
                .containsOnlyKeys(
                        "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component"));
        assertThat(selectors)
                .allSatisfy(selector -> assertThat(selector.keySet()).doesNotContainAnyElementsOf(VERSIONED_LABELS));
        for (Deployment deployment : Chart.ofKind(manifests, Deployment.class)) {
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .as("pod labels of %s", deployment.getMetadata().getName())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        }
    }

    @Test
    void shouldPointEveryServiceAtADeploymentWhenRendered() {
        List<HasMetadata> manifests = allOn();
        List<Map<String, String>> podLabels = Chart.ofKind(manifests, Deployment.class).stream()
                .map(d -> d.getSpec().getTemplate().getMetadata().getLabels())
                .collect(Collectors.toList());

        for (Service service : Chart.ofKind(manifests, Service.class)) {
            assertThat(podLabels)
                    .as("pods selected by service %s", service.getMetadata().getName())
                    .anyMatch(labels -> labels.entrySet()
                            .containsAll(service.getSpec().getSelector().entrySet()));
        }
    }

    @Test
    void shouldGrantTheScalerExactlyTheNamespacedRulesItNeedsWhenRendered() {
        List<Role> roles = Chart.ofKind(Chart.render(Optional.empty()), Role.class);

        assertThat(roles).hasSize(1);
        assertThat(rules(roles.get(0)))
                .containsExactlyInAnyOrder(
                        "apps deployments/scale get,patch",
                        "apps deployments get,list,watch",
                        "autoscaling horizontalpodautoscalers get,list,watch",
                        "coordination.k8s.io leases get,create,update");
        assertThat(Chart.ofKind(Chart.render(Optional.empty()), HasMetadata.class))
                .noneMatch(m -> m.getKind().equals("ClusterRole") || m.getKind().equals("ClusterRoleBinding"));
    }

    @Test
    void shouldMigrateBillingInAPreInstallAndPreUpgradeHookWhenMigrationsAreOn() {
        Path allOnValues = ProjectFiles.chart().resolve("ci/all-on-values.yaml");
        List<Job> jobs = Chart.ofKind(Chart.renderWithHooks(Optional.of(allOnValues)), Job.class);

        assertThat(jobs).hasSize(1);
        Map<String, String> annotations = jobs.get(0).getMetadata().getAnnotations();
        assertThat(annotations).containsEntry(Chart.VISIBLE_HOOK_PREFIX, "pre-install,pre-upgrade");
        assertThat(annotations).containsKey(Chart.VISIBLE_HOOK_PREFIX + "-delete-policy");
        // a hook: not part of the release manifest itself
        assertThat(Chart.ofKind(Chart.render(Optional.of(allOnValues)), Job.class))
                .isEmpty();
    }

    @Test
    void shouldRefuseTheMigrationHookWhenThePostgresIsTheBundledOne() {
        assertThatThrownBy(() -> Chart.render(Optional.empty(), Map.of("billing.migrations.enabled", "true")))
                .hasMessageContaining("external PostgreSQL");
    }

    @Test
    void shouldLeaveOptionalFeaturesAndResourcesOutWhenTheDefaultsAreUsed() {
        List<HasMetadata> manifests = Chart.renderWithHooks(Optional.empty());

        assertThat(manifests)
                .extracting(HasMetadata::getKind)
                .doesNotContain(
                        "HorizontalPodAutoscaler",
                        "ServiceMonitor",
                        "PrometheusRule",
                        "Ingress",
                        "Job",
                        "NetworkPolicy");
        assertThat(Chart.ofKind(manifests, ConfigMap.class))
                .noneMatch(cm -> cm.getMetadata().getLabels().containsKey("grafana_dashboard"));
        for (PodTemplateSpec pod : podTemplates(manifests).values()) {
            assertThat(pod.getSpec().getContainers()).allSatisfy(c -> assertThat(c.getResources() == null
                            || (c.getResources().getLimits().isEmpty()
                                    && c.getResources().getRequests().isEmpty()))
                    .as("no default resources on %s", c.getName())
                    .isTrue());
        }
    }

    @Test
    void shouldShipEveryDashboardAsASidecarConfigMapWhenDashboardsAreOn() throws IOException {
        List<ConfigMap> dashboards = Chart.ofKind(allOn(), ConfigMap.class).stream()
                .filter(cm -> "1".equals(cm.getMetadata().getLabels().get("grafana_dashboard")))
                .collect(Collectors.toList());

        Set<String> files;
        try (Stream<Path> list = Files.list(ProjectFiles.dashboards())) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(dashboards.stream().flatMap(cm -> cm.getData().keySet().stream()))
                .containsExactlyInAnyOrderElementsOf(files);
        for (ConfigMap cm : dashboards) {
            String file = cm.getData().keySet().iterator().next();
            assertThat(cm.getData().get(file))
                    .isEqualTo(Files.readString(ProjectFiles.dashboards().resolve(file))
                            .stripTrailing());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWrapTheAlertRuleFileInAPrometheusRuleWhenRulesAreOn() throws IOException {
        List<GenericKubernetesResource> rules = Chart.ofKind(allOn(), GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("PrometheusRule"))
                .collect(Collectors.toList());
        Map<String, Object> file = new Yaml().load(Files.readString(ProjectFiles.alerts()));

        assertThat(rules).hasSize(1);
        Map<String, Object> spec =
                (Map<String, Object>) rules.get(0).getAdditionalProperties().get("spec");
        assertThat(spec.get("groups")).isEqualTo(file.get("groups"));
    }

    @Test
    void shouldRenderAnHpaOnlyForComponentsTheScalerDoesNotManage() {
        assertThat(Chart.ofKind(allOn(), HorizontalPodAutoscaler.class))
                .extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactly("aigw-ai-gateway-cache");
        assertThatThrownBy(() -> Chart.render(Optional.empty(), Map.of("routing.autoscaling.enabled", "true")))
                .hasMessageContaining("scaler.targets");
        Deployment routing = deployment(Chart.render(Optional.empty()), "aigw-ai-gateway-routing");
        assertThat(routing.getSpec().getReplicas())
                .as("replicas left to the scaler")
                .isNull();
    }

    @Test
    void shouldRejectAValueTheSchemaDoesNotKnow() {
        assertThatThrownBy(() -> Chart.render(Optional.empty(), Map.of("gateway.replicas", "3")))
                .hasMessageContaining("replicas");
    }

    @Test
    void shouldTakeSecretsFromExistingSecretsWhenTheyAreNamed() {
        List<HasMetadata> manifests =
                Chart.render(Optional.of(ProjectFiles.chart().resolve("ci/external-db-values.yaml")));

        assertThat(manifests).extracting(HasMetadata::getKind).doesNotContain("Secret");
        Deployment cache = deployment(manifests, "aigw-ai-gateway-cache");
        Set<String> secretRefs = new HashSet<>();
        cache.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .forEach(e -> secretRefs.add(
                        e.getName() + "=" + e.getValueFrom().getSecretKeyRef().getName() + "/"
                                + e.getValueFrom().getSecretKeyRef().getKey()));
        assertThat(secretRefs)
                .contains("AIGW_POSTGRES_PASSWORD=aigw-postgres/password", "AIGW_REDIS_URL=aigw-redis/url");
    }

    private static Deployment deployment(List<HasMetadata> manifests, String name) {
        return Chart.ofKind(manifests, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static Map<String, PodTemplateSpec> podTemplates(List<HasMetadata> manifests) {
        Map<String, PodTemplateSpec> pods = new java.util.LinkedHashMap<>();
        Chart.ofKind(manifests, Deployment.class)
                .forEach(d -> pods.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        Chart.ofKind(manifests, Job.class)
                .forEach(j -> pods.put(j.getMetadata().getName(), j.getSpec().getTemplate()));
        return pods;
    }

    private static List<GenericKubernetesResource> serviceMonitors(List<HasMetadata> manifests) {
        return Chart.ofKind(manifests, GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("ServiceMonitor"))
                .collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> matchLabels(GenericKubernetesResource serviceMonitor) {
        Map<String, Object> spec =
                (Map<String, Object>) serviceMonitor.getAdditionalProperties().get("spec");
        return (Map<String, String>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
    }

    private static List<String> rules(Role role) {
        List<String> rules = new ArrayList<>();
        for (PolicyRule rule : role.getRules()) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    rules.add(group + " " + resource + " " + String.join(",", rule.getVerbs()));
                }
            }
        }
        return rules;
    }
}
