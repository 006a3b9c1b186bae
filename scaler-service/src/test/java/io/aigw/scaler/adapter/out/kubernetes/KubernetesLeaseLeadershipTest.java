package io.aigw.scaler.adapter.out.kubernetes;

import static io.aigw.scaler.adapter.out.kubernetes.Fixtures.DEPLOYMENT;
import static io.aigw.scaler.adapter.out.kubernetes.Fixtures.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aigw.scaler.application.ControlLoop;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Leader election by Lease against the CRUD mock: an instance without the lease computes but does not act. */
@EnableKubernetesMockClient(crud = true)
class KubernetesLeaseLeadershipTest {

    KubernetesClient client;

    KubernetesLeaseLeadership elect(String identity) {
        return new KubernetesLeaseLeadership(
                client,
                NAMESPACE,
                "aigw-scaler",
                identity,
                Duration.ofSeconds(60),
                Duration.ofSeconds(40),
                Duration.ofMillis(200));
    }

    @Test
    void shouldTakeTheLeaseWhenNobodyHoldsIt() {
        try (KubernetesLeaseLeadership leadership = elect("scaler-a")) {
            await().atMost(Duration.ofSeconds(20)).until(leadership::leading);
            assertThat(client.leases()
                            .inNamespace(NAMESPACE)
                            .withName("aigw-scaler")
                            .get()
                            .getSpec()
                            .getHolderIdentity())
                    .isEqualTo("scaler-a");
        }
    }

    @Test
    void shouldNotActWhenAnotherInstanceHoldsTheLease() {
        // given a live lease held by another scaler, and a deployment the signals want scaled
        client.leases()
                .inNamespace(NAMESPACE)
                .resource(new LeaseBuilder()
                        .withNewMetadata()
                        .withName("aigw-scaler")
                        .endMetadata()
                        .withNewSpec()
                        .withHolderIdentity("scaler-other")
                        .withLeaseDurationSeconds(60)
                        .withAcquireTime(ZonedDateTime.now())
                        .withRenewTime(ZonedDateTime.now())
                        .withLeaseTransitions(0)
                        .endSpec()
                        .build())
                .create();
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
        Fixtures.MemoryLog decisions = new Fixtures.MemoryLog();

        try (KubernetesLeaseLeadership leadership = elect("scaler-me")) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> leadership.leader().equals("scaler-other"));
            ControlLoop loop = new ControlLoop(
                    Fixtures.autoscaler(Clock.systemUTC()),
                    new KubernetesWorkloadScaler(client, NAMESPACE, Map.of("routing", DEPLOYMENT), true),
                    Fixtures.rate(20),
                    leadership,
                    decisions,
                    Fixtures.NO_METRICS,
                    Clock.systemUTC(),
                    Duration.ofSeconds(15),
                    Duration.ofMinutes(5),
                    Optional.empty());

            // when
            loop.tick();

            // then
            assertThat(leadership.leading()).isFalse();
            assertThat(client.apps()
                            .deployments()
                            .inNamespace(NAMESPACE)
                            .withName(DEPLOYMENT)
                            .get()
                            .getSpec()
                            .getReplicas())
                    .isEqualTo(2);
            assertThat(decisions.records).singleElement().satisfies(d -> {
                assertThat(d.desiredReplicas()).isEqualTo(4);
                assertThat(d.applied()).isFalse();
                assertThat(d.message()).contains("not leading: scaler-other leads");
            });
        }
    }
}
