package io.aigw.billing.adapter.in.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stream ids compare by their numbers, not as text: the trim floor depends on it. */
class StreamIdsTest {

    @Test
    void shouldOrderIdsByTimeThenSequenceNumerically() {
        assertThat(RedisUsageStreamConsumer.compareIds("999-5", "1000-0")).isNegative();
        assertThat(RedisUsageStreamConsumer.compareIds("1000-10", "1000-9")).isPositive();
        assertThat(RedisUsageStreamConsumer.compareIds("1000-1", "1000-1")).isZero();
    }

    @Test
    void shouldNameTheFirstIdAfterTheLastDelivered() {
        assertThat(RedisUsageStreamConsumer.nextAfter("1700000000000-9")).isEqualTo("1700000000000-10");
        assertThat(RedisUsageStreamConsumer.nextAfter("0-0")).isEqualTo("0-1");
    }
}
