package io.aigw.gateway.application;

import io.aigw.gateway.domain.AppliedPlans;
import io.aigw.gateway.domain.KeyOwner;
import reactor.core.publisher.Mono;

/**
 * The plans a key's requests are limited by. Configuration answers for now; billing, which will own
 * tenants, keys and plans, replaces the source without the gateway noticing.
 */
public interface TenantPlans {

    /** The tenant's plan and the key's own, if it has one. Never empty. */
    Mono<AppliedPlans> plansOf(KeyOwner owner);
}
