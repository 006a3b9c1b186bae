package io.aigw.scaler.adapter.out.kubernetes;

import io.aigw.scaler.application.ScaleState;
import io.aigw.scaler.application.ScalerException;
import io.aigw.scaler.application.WorkloadScaler;
import io.aigw.scaler.domain.Pod;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Deployments through the Kubernetes API (fabric8): reads and writes the {@code scale} subresource
 * with the resource version it read, so a write after someone else's change fails with 409 instead
 * of overwriting it; leaves a Deployment alone when an autoscaling/v2 HPA or a KEDA ScaledObject
 * targets it. With {@code acts = false} (dry-run) it reads but never writes.
 */
public final class KubernetesWorkloadScaler implements WorkloadScaler {

    /** KEDA's ScaledObject, named without API discovery (KEDA may not be installed). */
    static final ResourceDefinitionContext SCALED_OBJECT = new ResourceDefinitionContext.Builder()
            .withGroup("keda.sh")
            .withVersion("v1alpha1")
            .withKind("ScaledObject")
            .withPlural("scaledobjects")
            .withNamespaced(true)
            .build();

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, String> deployments;
    private final boolean acts;

    /**
     * @param deployments workload name → Deployment name
     */
    public KubernetesWorkloadScaler(
            KubernetesClient client, String namespace, Map<String, String> deployments, boolean acts) {
        this.client = client;
        this.namespace = namespace;
        this.deployments = Map.copyOf(deployments);
        this.acts = acts;
    }

    @Override
    public boolean acts() {
        return acts;
    }

    @Override
    public ScaleState read(String workload) throws ScalerException {
        String name = deployment(workload);
        try {
            RollableScalableResource<Deployment> resource =
                    client.apps().deployments().inNamespace(namespace).withName(name);
            Deployment deployment = resource.get();
            if (deployment == null) {
                throw new ScalerException.Refused("deployment " + namespace + "/" + name + " not found", null);
            }
            Scale scale = resource.scale();
            int replicas =
                    scale != null && scale.getSpec() != null && scale.getSpec().getReplicas() != null
                            ? scale.getSpec().getReplicas()
                            : Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
            String version = scale != null && scale.getMetadata() != null
                    ? scale.getMetadata().getResourceVersion()
                    : deployment.getMetadata().getResourceVersion();
            return new ScaleState(workload, replicas, pods(deployment), version, otherAutoscaler(name));
        } catch (KubernetesClientException e) {
            throw map("read " + name, e);
        }
    }

    @Override
    public void scale(ScaleState basis, int replicas) throws ScalerException {
        if (!acts) {
            return;
        }
        String name = deployment(basis.workload());
        Scale scale = new ScaleBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withResourceVersion(basis.version())
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .endSpec()
                .build();
        try {
            client.apps().deployments().inNamespace(namespace).withName(name).scale(scale);
        } catch (KubernetesClientException e) {
            throw map("scale " + name + " to " + replicas, e);
        }
    }

    private List<Pod> pods(Deployment deployment) {
        if (deployment.getSpec().getSelector() == null
                || deployment.getSpec().getSelector().getMatchLabels() == null) {
            return List.of();
        }
        return client
                .pods()
                .inNamespace(namespace)
                .withLabels(deployment.getSpec().getSelector().getMatchLabels())
                .list()
                .getItems()
                .stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .map(p -> new Pod(p.getMetadata().getName(), ready(p)))
                .toList();
    }

    private static boolean ready(io.fabric8.kubernetes.api.model.Pod pod) {
        return pod.getStatus() != null
                && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** An HPA or a KEDA ScaledObject that targets this Deployment, if any. */
    private Optional<String> otherAutoscaler(String name) {
        for (HorizontalPodAutoscaler hpa : client.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(namespace)
                .list()
                .getItems()) {
            var ref = hpa.getSpec().getScaleTargetRef();
            if (ref != null && "Deployment".equals(ref.getKind()) && name.equals(ref.getName())) {
                return Optional.of(
                        "HorizontalPodAutoscaler/" + hpa.getMetadata().getName());
            }
        }
        try {
            for (GenericKubernetesResource so : client.genericKubernetesResources(SCALED_OBJECT)
                    .inNamespace(namespace)
                    .list()
                    .getItems()) {
                Object spec = so.getAdditionalProperties().get("spec");
                if (spec instanceof Map<?, ?> s && s.get("scaleTargetRef") instanceof Map<?, ?> ref) {
                    Object kind = ref.get("kind");
                    if (name.equals(ref.get("name")) && (kind == null || "Deployment".equals(kind))) {
                        return Optional.of("ScaledObject/" + so.getMetadata().getName());
                    }
                }
            }
        } catch (KubernetesClientException e) {
            // 404: KEDA is not installed; anything else is a real failure of the read
            if (e.getCode() != 404) {
                throw e;
            }
        }
        return Optional.empty();
    }

    private String deployment(String workload) throws ScalerException {
        String name = deployments.get(workload);
        if (name == null) {
            throw new ScalerException.Refused("no deployment configured for " + workload, null);
        }
        return name;
    }

    /** The one place Kubernetes statuses become scaler errors. */
    static ScalerException map(String what, KubernetesClientException e) {
        int code = e.getCode();
        if (code == 409) {
            return new ScalerException.Conflict(what + ": conflict (changed since read)", e);
        }
        if (code <= 0 || code == 429 || code >= 500) {
            return new ScalerException.Unavailable(what + ": Kubernetes API unavailable (" + code + ")", e);
        }
        return new ScalerException.Refused(what + ": refused (" + code + "): " + e.getStatus(), e);
    }
}
