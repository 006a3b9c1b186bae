package io.aigw.billing.adapter.out.redis;

import io.aigw.api.budget.BudgetHolds;
import io.aigw.billing.application.PublishedLimits;
import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * The tenants' budgets under {@code aigw:budget:{tenant}:limit}, beside their month counters (same
 * hash tag, so the hold script reads both in one slot). Short-lived: a replica that missed a change
 * publishes a stale value for at most {@code ttl}.
 */
public class RedisPublishedLimits implements PublishedLimits {

    private final ReactiveStringRedisTemplate redis;
    private final Duration ttl;

    public RedisPublishedLimits(ReactiveStringRedisTemplate redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    @Override
    public Mono<Void> publish(String tenantId, long nanos) {
        return redis.opsForValue()
                .set(BudgetHolds.limitKey(tenantId), Long.toString(nanos), ttl)
                .then();
    }

    @Override
    public Mono<Void> withdraw(String tenantId) {
        return redis.delete(BudgetHolds.limitKey(tenantId)).then();
    }
}
