package io.aigw.routing.adapter.out.redis;

import io.aigw.api.usage.UsageEvent;
import io.aigw.routing.application.UsageEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Usage events on a Redis Stream ({@value UsageEvent#STREAM}), one entry per finished request. An
 * event Redis does not take now (down, slow) waits in a bounded backlog that is retried every {@code
 * retryEvery}, oldest first, so a Redis restart loses nothing; only a backlog full beyond its
 * capacity drops events, and each drop is logged and counted. The stream is not trimmed here: billing
 * acknowledges what it has committed and trims behind itself.
 */
public class RedisStreamUsageEvents implements UsageEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamUsageEvents.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(2);
    private static final int RETRY_BATCH = 500;

    private final ReactiveStringRedisTemplate redis;
    private final Scheduler timers;
    private final String stream;
    private final JsonMapper json;
    private final int capacity;
    private final ConcurrentLinkedDeque<String> backlog = new ConcurrentLinkedDeque<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Counter published;
    private final Counter delayed;
    private final Counter dropped;
    private final Disposable retries;

    /**
     * @param stream the stream key: {@value UsageEvent#STREAM} but in tests
     * @param capacity the most events kept while Redis does not take them
     */
    public RedisStreamUsageEvents(
            ReactiveStringRedisTemplate redis,
            String stream,
            JsonMapper json,
            int capacity,
            Duration retryEvery,
            MeterRegistry meters,
            Scheduler timers) {
        this.timers = timers;
        this.redis = redis;
        this.stream = stream;
        this.json = json;
        this.capacity = capacity;
        this.published = counter(meters, "published");
        this.delayed = counter(meters, "delayed");
        this.dropped = counter(meters, "dropped");
        Gauge.builder("aigw_usage_publish_backlog", waiting, AtomicInteger::get)
                .description("Usage events waiting for Redis to take them")
                .register(meters);
        this.retries =
                Flux.interval(retryEvery, retryEvery).onBackpressureDrop().subscribe(tick -> drain());
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("aigw_usage_publish")
                .description(
                        "Usage events handed to the aigw:usage stream: published, delayed (kept for a retry), dropped")
                .tag("result", result)
                .register(meters);
    }

    @Override
    public void publish(UsageEvent event) {
        String payload = json.writeValueAsString(event);
        if (waiting.get() > 0) {
            // keep the order: nothing overtakes events that are already waiting
            keep(payload, false);
            return;
        }
        send(payload).subscribe(ok -> published.increment(), error -> keep(payload, false));
    }

    private Mono<Void> send(String payload) {
        return redis.opsForStream()
                .add(StreamRecords.string(Map.of(UsageEvent.FIELD, payload)).withStreamKey(stream))
                .timeout(SEND_TIMEOUT, timers)
                .then();
    }

    private void keep(String payload, boolean front) {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            dropped.increment();
            log.error("usage backlog full ({} events): dropped a usage event: {}", capacity, payload);
            return;
        }
        if (front) {
            backlog.addFirst(payload);
        } else {
            delayed.increment();
            backlog.addLast(payload);
        }
    }

    /** Sends waiting events oldest first; stops at the first failure and tries again next tick. */
    private void drain() {
        if (backlog.isEmpty() || !draining.compareAndSet(false, true)) {
            return;
        }
        Flux.range(0, RETRY_BATCH)
                .concatMap(i -> {
                    String payload = backlog.pollFirst();
                    if (payload == null) {
                        return Mono.empty();
                    }
                    waiting.decrementAndGet();
                    return send(payload)
                            .doOnSuccess(ok -> published.increment())
                            .onErrorResume(error -> {
                                keep(payload, true);
                                return Mono.error(error);
                            });
                })
                .doFinally(signal -> draining.set(false))
                .subscribe(null, error -> log.debug("usage events: Redis still refuses: {}", error.toString()));
    }

    @Override
    public void close() {
        retries.dispose();
        if (!backlog.isEmpty()) {
            log.warn("stopping with {} usage events that Redis did not take", waiting.get());
        }
    }
}
