package io.aigw.scaler.adapter.out.kubernetes;

import static io.aigw.scaler.adapter.out.kubernetes.Fixtures.DEPLOYMENT;
import static io.aigw.scaler.adapter.out.kubernetes.Fixtures.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.scaler.adapter.out.standalone.AlwaysLeading;
import io.aigw.scaler.application.ControlLoop;
import io.aigw.scaler.application.ScaleState;
import io.aigw.scaler.domain.Pod;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kubernetes actuator against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubernetesWorkloadScalerTest {

    KubernetesMockServer server;
    KubernetesClient client;

    final Fixtures.MemoryLog decisions = new Fixtures.MemoryLog();

    @BeforeEach
    void deploymentWithTwoReadyPods() {
        client.apps()
                .deployments()
                .inNamespace(NAMESPACE)
                .resource(Fixtures.deployment(2))
                .create();
        client.pods()
                .inNamespace(NAMESPACE)
                .resource(Fixtures.readyPod("routing-a"))
                .create();
        client.pods()
                .inNamespace(NAMESPACE)
                .resource(Fixtures.readyPod("routing-b"))
                .create();
    }

    KubernetesWorkloadScaler scaler(boolean acts) {
        return new KubernetesWorkloadScaler(client, NAMESPACE, Map.of("routing", DEPLOYMENT), acts);
    }

    ControlLoop loop(KubernetesWorkloadScaler scaler, double ratePerPod) {
        return new ControlLoop(
                Fixtures.autoscaler(Clock.systemUTC()),
                scaler,
                Fixtures.rate(ratePerPod),
                new AlwaysLeading(),
                decisions,
                Fixtures.NO_METRICS,
                Clock.systemUTC(),
                Duration.ofSeconds(15),
                Duration.ofMinutes(5),
                Optional.empty());
    }

    int replicas() {
        return client.apps()
                .deployments()
                .inNamespace(NAMESPACE)
                .withName(DEPLOYMENT)
                .get()
                .getSpec()
                .getReplicas();
    }

    @Test
    void shouldReadReplicasPodsAndVersionWhenTheDeploymentExists() throws Exception {
        // when
        ScaleState state = scaler(true).read("routing");

        // then
        assertThat(state.replicas()).isEqualTo(2);
        assertThat(state.pods()).extracting(Pod::ready).containsExactly(true, true);
        assertThat(state.version()).isNotBlank();
        assertThat(state.managedBy()).isEmpty();
    }

    @Test
    void shouldWriteTheScaleSubresourceWithTheVersionItReadWhenTheSignalsAskForMore() throws Exception {
        // given 2 pods at 20 req/s against 10 per replica: 4
        String version = scaler(true).read("routing").version();
        ControlLoop loop = loop(scaler(true), 20);

        // when
        loop.tick();

        // then the write went to the scale subresource. The CRUD mock consumes the body and stores a
        // PUT on /scale as the object itself, so neither the body nor the Deployment can be read back
        // here; KubernetesScaleConflictTest pins the body (replicas, resource version) against exact
        // expectations.
        RecordedRequest write = server.getLastRequest();
        assertThat(version).isNotBlank();
        assertThat(write.getMethod()).isEqualTo("PUT");
        assertThat(write.getPath()).isEqualTo("/apis/apps/v1/namespaces/aigw/deployments/aigw-routing/scale");
        assertThat(decisions.records).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("scale_up");
            assertThat(d.applied()).isTrue();
        });
    }

    @Test
    void shouldChangeNothingButRecordTheDecisionWhenInDryRun() {
        // given
        ControlLoop loop = loop(scaler(false), 20);

        // when
        loop.tick();

        // then
        assertThat(replicas()).isEqualTo(2);
        assertThat(decisions.records).singleElement().satisfies(d -> {
            assertThat(d.desiredReplicas()).isEqualTo(4);
            assertThat(d.applied()).isFalse();
            assertThat(d.message()).endsWith("(dry-run)");
        });
    }

    @Test
    void shouldLeaveTheDeploymentAloneWhenAnHpaTargetsIt() {
        // given
        client.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(NAMESPACE)
                .resource(new HorizontalPodAutoscalerBuilder()
                        .withNewMetadata()
                        .withName("routing-hpa")
                        .endMetadata()
                        .withNewSpec()
                        .withMinReplicas(1)
                        .withMaxReplicas(5)
                        .withNewScaleTargetRef()
                        .withApiVersion("apps/v1")
                        .withKind("Deployment")
                        .withName(DEPLOYMENT)
                        .endScaleTargetRef()
                        .endSpec()
                        .build())
                .create();
        ControlLoop loop = loop(scaler(true), 20);

        // when
        loop.tick();

        // then
        assertThat(replicas()).isEqualTo(2);
        assertThat(decisions.records).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("managed_elsewhere");
            assertThat(d.message()).contains("HorizontalPodAutoscaler/routing-hpa");
        });
    }
}
