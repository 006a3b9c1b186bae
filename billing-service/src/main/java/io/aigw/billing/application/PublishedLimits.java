package io.aigw.billing.application;

import reactor.core.publisher.Mono;

/**
 * Where billing publishes each tenant's monthly budget for the routing replicas, which place holds
 * against it with the budget script themselves instead of asking billing over HTTP for every request
 * (ADR 0022 amendment). Absent or expired means "ask billing".
 */
public interface PublishedLimits {

    /** The tenant's budget in nano-USD, {@code -1} for none; expires on its own. */
    Mono<Void> publish(String tenantId, long nanos);

    /** The tenant's budget changed: routing must ask billing again. */
    Mono<Void> withdraw(String tenantId);

    /** Nothing published: every hold goes through billing. */
    PublishedLimits NONE = new PublishedLimits() {
        @Override
        public Mono<Void> publish(String tenantId, long nanos) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> withdraw(String tenantId) {
            return Mono.empty();
        }
    };
}
