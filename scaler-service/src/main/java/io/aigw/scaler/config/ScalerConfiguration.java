package io.aigw.scaler.config;

import io.aigw.scaler.adapter.in.web.DecisionsController;
import io.aigw.scaler.adapter.out.jdbc.JdbcDecisionLog;
import io.aigw.scaler.adapter.out.kubernetes.KubernetesLeaseLeadership;
import io.aigw.scaler.adapter.out.kubernetes.KubernetesWorkloadScaler;
import io.aigw.scaler.adapter.out.micrometer.MicrometerScalerMetrics;
import io.aigw.scaler.adapter.out.prometheus.PrometheusApi;
import io.aigw.scaler.adapter.out.prometheus.PrometheusPolicySignals;
import io.aigw.scaler.adapter.out.prometheus.PrometheusWorkloadSignals;
import io.aigw.scaler.adapter.out.redis.RedisPolicyPublisher;
import io.aigw.scaler.adapter.out.scrape.ActuatorScrapePolicySignals;
import io.aigw.scaler.adapter.out.scrape.ActuatorScrapeWorkloadSignals;
import io.aigw.scaler.adapter.out.scrape.Scraper;
import io.aigw.scaler.adapter.out.standalone.AlwaysLeading;
import io.aigw.scaler.adapter.out.standalone.StaticWorkloadScaler;
import io.aigw.scaler.application.ControlLoop;
import io.aigw.scaler.application.DecisionLog;
import io.aigw.scaler.application.Leadership;
import io.aigw.scaler.application.PolicyLoop;
import io.aigw.scaler.application.PolicyPublisher;
import io.aigw.scaler.application.PolicySignals;
import io.aigw.scaler.application.ScalerMetrics;
import io.aigw.scaler.application.WorkloadScaler;
import io.aigw.scaler.application.WorkloadSignals;
import io.aigw.scaler.domain.Autoscaler;
import io.aigw.scaler.domain.policy.PolicySettings;
import io.aigw.scaler.domain.policy.TierPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the loop: outside Kubernetes (no {@code KUBERNETES_SERVICE_HOST}) the workloads are the
 * configured instances, this replica always leads and nothing is changed (dry-run); inside, the
 * Kubernetes actuator and Lease leadership, acting unless {@code aigw.scaler.dry-run=true}.
 */
@Configuration(proxyBeanMethods = false)
public class ScalerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScalerConfiguration.class);

    @Bean
    Clock scalerClock() {
        return Clock.systemUTC();
    }

    @Bean
    ScalerSettings scalerSettings(ScalerProperties properties) {
        return ScalerSettings.from(properties);
    }

    @Bean
    Autoscaler autoscaler(Clock clock, ScalerSettings settings) {
        return new Autoscaler(clock, settings.specs());
    }

    /** The Kubernetes client when running in a cluster (as an injectable holder, not an Optional bean). */
    public record KubernetesAccess(Optional<KubernetesClient> client) implements AutoCloseable {
        @Override
        public void close() {
            client.ifPresent(KubernetesClient::close);
        }
    }

    @Bean
    KubernetesAccess kubernetesAccess(@Value("${KUBERNETES_SERVICE_HOST:}") String serviceHost) {
        return new KubernetesAccess(
                serviceHost.isBlank() ? Optional.empty() : Optional.of(new KubernetesClientBuilder().build()));
    }

    @Bean
    WorkloadScaler workloadScaler(ScalerProperties properties, KubernetesAccess access) {
        Optional<KubernetesClient> kubernetes = access.client();
        Map<String, ScalerProperties.Workload> workloads = ScalerSettings.workloads(properties);
        if (kubernetes.isEmpty()) {
            boolean asked = Boolean.FALSE.equals(properties.dryRun());
            log.info(
                    "scaler: not in Kubernetes: dry-run{} (decisions computed and recorded, nothing changed)",
                    asked ? " although aigw.scaler.dry-run=false (there is nothing to scale here)" : "");
            Map<String, List<String>> instances = new HashMap<>();
            workloads.forEach((name, w) -> instances.put(name, w.instances()));
            return new StaticWorkloadScaler(instances);
        }
        boolean dryRun = Boolean.TRUE.equals(properties.dryRun());
        Map<String, String> deployments = new HashMap<>();
        workloads.forEach((name, w) -> deployments.put(name, w.deployment() != null ? w.deployment() : "aigw-" + name));
        KubernetesClient client = kubernetes.get();
        log.info(
                "scaler: in Kubernetes, namespace {}, {}",
                namespace(properties, client),
                dryRun ? "dry-run" : "acting");
        return new KubernetesWorkloadScaler(client, namespace(properties, client), deployments, !dryRun);
    }

    @Bean
    Leadership leadership(ScalerProperties properties, KubernetesAccess access) {
        Optional<KubernetesClient> kubernetes = access.client();
        if (kubernetes.isEmpty()) {
            return new AlwaysLeading();
        }
        ScalerProperties.Kubernetes k = properties.kubernetes();
        String identity = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("scaler-" + UUID.randomUUID());
        return new KubernetesLeaseLeadership(
                kubernetes.get(),
                namespace(properties, kubernetes.get()),
                k.leaseName(),
                identity,
                k.leaseDuration(),
                k.renewDeadline(),
                k.retryPeriod());
    }

    @Bean
    WorkloadSignals workloadSignals(ScalerProperties properties, Clock clock) {
        Map<String, ScalerProperties.Workload> workloads = ScalerSettings.workloads(properties);
        if (properties.source().equals("prometheus")) {
            Map<String, PrometheusWorkloadSignals.Query> queries = new HashMap<>();
            workloads.forEach((name, w) -> queries.put(
                    name,
                    new PrometheusWorkloadSignals.Query(
                            w.application() != null ? w.application() : name + "-service", w.latencyHistogram())));
            return new PrometheusWorkloadSignals(
                    prometheus(properties),
                    queries,
                    properties.prometheus().window(),
                    properties.prometheus().podLabel());
        }
        Map<String, String> histograms = new HashMap<>();
        workloads.forEach((name, w) -> {
            if (w.latencyHistogram() != null) {
                histograms.put(name, w.latencyHistogram());
            }
        });
        return new ActuatorScrapeWorkloadSignals(new Scraper(properties.scrapeTimeout()), clock, histograms);
    }

    @Bean
    PolicySignals policySignals(ScalerProperties properties, Clock clock) {
        if (properties.source().equals("prometheus")) {
            return new PrometheusPolicySignals(
                    prometheus(properties), clock, properties.prometheus().window());
        }
        ScalerProperties.Workload routing = ScalerSettings.workloads(properties).get("routing");
        return new ActuatorScrapePolicySignals(
                new Scraper(properties.scrapeTimeout()), clock, routing == null ? List.of() : routing.instances());
    }

    @Bean
    PolicyPublisher policyPublisher(StringRedisTemplate redis, JsonMapper json) {
        return new RedisPolicyPublisher(redis, json);
    }

    @Bean
    DecisionLog decisionLog(JdbcTemplate jdbc, @Value("${spring.datasource.url:}") String url) {
        if (url.startsWith("jdbc:h2:")) {
            log.warn(
                    "scaler: decision log in the embedded H2 file database ({}): AIGW_POSTGRES_URL not set;"
                            + " not for production (ADR 0020)",
                    url);
        }
        return new JdbcDecisionLog(jdbc);
    }

    @Bean
    ScalerMetrics scalerMetrics(MeterRegistry registry) {
        return new MicrometerScalerMetrics(registry);
    }

    @Bean
    ControlLoop controlLoop(
            ScalerProperties properties,
            ScalerSettings settings,
            Autoscaler autoscaler,
            WorkloadScaler scaler,
            WorkloadSignals signals,
            Leadership leadership,
            DecisionLog decisions,
            ScalerMetrics metrics,
            PolicySignals policySignals,
            PolicyPublisher publisher,
            Clock clock) {
        Optional<PolicyLoop> policy = properties.policy().enabled()
                ? Optional.of(new PolicyLoop(
                        new TierPolicy(settings.policy()),
                        policySignals,
                        publisher,
                        leadership,
                        decisions,
                        metrics,
                        clock))
                : Optional.empty();
        return new ControlLoop(
                autoscaler,
                scaler,
                signals,
                leadership,
                decisions,
                metrics,
                clock,
                properties.interval(),
                properties.maxBackoff(),
                policy);
    }

    @Bean
    ControlLoopRunner controlLoopRunner(ControlLoop loop, ScalerProperties properties) {
        return new ControlLoopRunner(loop, properties.interval());
    }

    @Bean
    DecisionsController decisionsController(DecisionLog decisions, @Value("${AIGW_ADMIN_TOKEN:}") String adminToken) {
        return new DecisionsController(decisions, Optional.of(adminToken));
    }

    private static PrometheusApi prometheus(ScalerProperties properties) {
        return new PrometheusApi(
                properties.prometheus().url(), properties.prometheus().timeout());
    }

    private static String namespace(ScalerProperties properties, KubernetesClient client) {
        String configured = properties.kubernetes().namespace();
        return configured != null && !configured.isBlank() ? configured : client.getNamespace();
    }

    static PolicySettings policySettings(ScalerProperties.Policy p) {
        return new PolicySettings(
                p.monthlyBudgetUsd(),
                p.brownoutMaxTier(),
                p.brownoutPlans(),
                p.maxErrorRate(),
                p.maxTimeToFirstToken(),
                p.badIntervals(),
                p.goodIntervals());
    }
}
