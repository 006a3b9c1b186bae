package io.aigw.billing;

import io.aigw.billing.adapter.in.redis.RedisUsageStreamConsumer;
import io.aigw.billing.adapter.in.redis.UsageStreamMetrics;
import io.aigw.billing.application.UsageRecorder;
import io.aigw.testsupport.TestInfrastructure;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * A usage stream consumer of a test's own, beside the application's (which such tests switch off),
 * on a Redis client of its own; closing it stops the consumer and shuts the client down.
 */
final class TestUsageConsumer implements AutoCloseable {

    private final RedisClient client;
    private final RedisUsageStreamConsumer consumer;

    private TestUsageConsumer(RedisClient client, RedisUsageStreamConsumer consumer) {
        this.client = client;
        this.consumer = consumer;
    }

    /**
     * Settings for one consumer of group {@code billing}: reads of up to 10 entries without lingering,
     * blocking 100 ms, dead letters to {@code <stream>:dead}.
     *
     * @param reclaimIdle how long an entry stays pending before this consumer claims it
     * @param reclaimEvery how often it looks for such entries
     * @param retryMin the first wait after a failed read, doubling up to {@code retryMax}
     */
    static RedisUsageStreamConsumer.Settings settings(
            String stream,
            String consumerName,
            Duration reclaimIdle,
            Duration reclaimEvery,
            Duration retryMin,
            Duration retryMax) {
        return new RedisUsageStreamConsumer.Settings(
                stream,
                stream + ":dead",
                "billing",
                consumerName,
                10,
                Duration.ZERO,
                Duration.ofMillis(100),
                reclaimIdle,
                reclaimEvery,
                retryMin,
                retryMax);
    }

    /** A consumer with these settings, started on the test Redis. */
    static TestUsageConsumer start(
            RedisUsageStreamConsumer.Settings settings,
            UsageRecorder recorder,
            UsageStreamMetrics metrics,
            JsonMapper json) {
        RedisClient client = RedisClient.create(TestInfrastructure.redis().url());
        RedisUsageStreamConsumer consumer =
                new RedisUsageStreamConsumer(client, settings, recorder, metrics, json, Clock.systemUTC());
        consumer.start();
        return new TestUsageConsumer(client, consumer);
    }

    @Override
    public void close() {
        consumer.stop();
        client.shutdown();
    }
}
