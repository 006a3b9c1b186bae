package io.aigw.scaler.adapter.out.kubernetes;

import static io.aigw.scaler.adapter.out.kubernetes.Fixtures.DEPLOYMENT;
import static io.aigw.scaler.adapter.out.kubernetes.Fixtures.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.scaler.adapter.out.standalone.AlwaysLeading;
import io.aigw.scaler.application.ControlLoop;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A 409 on the first write: the loop re-reads, decides again from the new state and writes that, never the stale value. */
@EnableKubernetesMockClient
class KubernetesScaleConflictTest {

    static final String BASE = "/apis/apps/v1/namespaces/aigw/deployments/aigw-routing";

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void shouldReReadAndRecomputeWhenTheFirstWriteConflicts() throws Exception {
        // given: at the first read 2 replicas (version 1); someone scales to 3 before our write (version 2)
        server.expect()
                .get()
                .withPath(BASE)
                .andReturn(200, Fixtures.deployment(2))
                .always();
        server.expect()
                .get()
                .withPath(BASE + "/scale")
                .andReturn(200, scale(2, "1"))
                .once();
        server.expect()
                .get()
                .withPath(BASE + "/scale")
                .andReturn(200, scale(3, "2"))
                .always();
        String pods = "/api/v1/namespaces/aigw/pods?labelSelector=app%3Drouting";
        server.expect()
                .get()
                .withPath(pods)
                .andReturn(
                        200,
                        new PodListBuilder()
                                .withItems(Fixtures.readyPod("a"), Fixtures.readyPod("b"))
                                .build())
                .once();
        server.expect()
                .get()
                .withPath(pods)
                .andReturn(
                        200,
                        new PodListBuilder()
                                .withItems(Fixtures.readyPod("a"), Fixtures.readyPod("b"), Fixtures.readyPod("c"))
                                .build())
                .always();
        server.expect()
                .get()
                .withPath("/apis/autoscaling/v2/namespaces/aigw/horizontalpodautoscalers")
                .andReturn(200, new HorizontalPodAutoscalerListBuilder().build())
                .always();
        server.expect()
                .put()
                .withPath(BASE + "/scale")
                .andReturn(
                        409,
                        new StatusBuilder()
                                .withCode(409)
                                .withReason("Conflict")
                                .withMessage("the object has been modified")
                                .build())
                .once();
        server.expect()
                .put()
                .withPath(BASE + "/scale")
                .andReturn(200, scale(6, "3"))
                .once();
        Fixtures.MemoryLog decisions = new Fixtures.MemoryLog();
        ControlLoop loop = new ControlLoop(
                Fixtures.autoscaler(Clock.systemUTC()),
                new KubernetesWorkloadScaler(client, NAMESPACE, Map.of("routing", DEPLOYMENT), true),
                Fixtures.rate(20),
                new AlwaysLeading(),
                decisions,
                Fixtures.NO_METRICS,
                Clock.systemUTC(),
                Duration.ofSeconds(15),
                Duration.ofMinutes(5),
                Optional.empty());

        // when
        loop.tick();

        // then two writes: 4 on version 1 (refused), then 6 (3 pods at twice the target) on version 2
        List<String> writes = new ArrayList<>();
        int count = server.getRequestCount();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest();
            if (request.getMethod().equals("PUT")) {
                writes.add(request.getBody().readUtf8());
            }
        }
        assertThat(writes).hasSize(2);
        assertThat(writes.get(0)).contains("\"replicas\":4").contains("\"resourceVersion\":\"1\"");
        assertThat(writes.get(1)).contains("\"replicas\":6").contains("\"resourceVersion\":\"2\"");
        assertThat(decisions.records).singleElement().satisfies(d -> {
            assertThat(d.currentReplicas()).isEqualTo(3);
            assertThat(d.desiredReplicas()).isEqualTo(6);
            assertThat(d.applied()).isTrue();
        });
    }

    static io.fabric8.kubernetes.api.model.autoscaling.v1.Scale scale(int replicas, String version) {
        return new ScaleBuilder()
                .withNewMetadata()
                .withName(DEPLOYMENT)
                .withNamespace(NAMESPACE)
                .withResourceVersion(version)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .endSpec()
                .build();
    }
}
