package io.aigw.scaler.adapter.out.kubernetes;

import io.aigw.scaler.application.Leadership;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership by a {@code coordination.k8s.io} Lease (fabric8's LeaderElector): only the holder acts;
 * the others keep computing and recording. Losing the lease (API unreachable past the renew
 * deadline) stops acting at once.
 */
public final class KubernetesLeaseLeadership implements Leadership, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KubernetesLeaseLeadership.class);

    private final AtomicBoolean leading = new AtomicBoolean();
    private final AtomicReference<String> leader = new AtomicReference<>("unknown");
    private final CompletableFuture<?> elector;

    public KubernetesLeaseLeadership(
            KubernetesClient client,
            String namespace,
            String leaseName,
            String identity,
            Duration leaseDuration,
            Duration renewDeadline,
            Duration retryPeriod) {
        this.elector = client.leaderElector()
                .withConfig(new LeaderElectionConfigBuilder()
                        .withName(leaseName)
                        .withLock(new LeaseLock(namespace, leaseName, identity))
                        .withLeaseDuration(leaseDuration)
                        .withRenewDeadline(renewDeadline)
                        .withRetryPeriod(retryPeriod)
                        .withReleaseOnCancel()
                        .withLeaderCallbacks(new LeaderCallbacks(
                                () -> {
                                    leading.set(true);
                                    log.info("scaler: {} holds lease {}, acting", identity, leaseName);
                                },
                                () -> {
                                    leading.set(false);
                                    log.info("scaler: {} lost lease {}, not acting", identity, leaseName);
                                },
                                leader::set))
                        .build())
                .build()
                .start();
    }

    @Override
    public boolean leading() {
        return leading.get();
    }

    @Override
    public String leader() {
        return leader.get();
    }

    @Override
    public void close() {
        elector.cancel(true);
        leading.set(false);
    }
}
