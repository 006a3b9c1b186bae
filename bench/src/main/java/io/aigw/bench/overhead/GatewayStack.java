package io.aigw.bench.overhead;

import io.aigw.launcher.LocalStack;
import java.util.List;

/**
 * One running stack of this gateway in the benchmark: the measured one, or the baseline of an A/B run.
 *
 * @param stack its services and Redis
 * @param key the tenant key created in its billing
 * @param ledgerBackends the PostgreSQL server processes serving its billing's connections (their CPU is
 *     the gateway's too); empty when billing runs on its embedded H2
 */
record GatewayStack(LocalStack stack, String key, List<Long> ledgerBackends) {

    GatewayStack {
        ledgerBackends = List.copyOf(ledgerBackends);
    }
}
