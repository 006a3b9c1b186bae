package io.aigw.bench.limits.adapter.out.redis;

import io.aigw.bench.limits.domain.Percentiles;
import io.aigw.bench.limits.domain.ReservationLatency;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Times one reservation + settlement the way routing makes them when no later reservation carries the
 * settlement (ADR 0007 amendment): the scripts of {@code routing-service/src/main/resources/redis/}
 * ({@code reserve-capacity.lua}, then {@code adjust-capacity.lua} with the real tokens, each after
 * {@code adjust-capacity-common.lua}) by EVALSHA over one shared Lettuce connection, one scope
 * (a model limit, as for {@code llama-3-8b}) with keys named as {@code RedisCapacityStore} names them.
 *
 * <p>routing-service's jar is Spring Boot-repackaged (its classes sit under {@code BOOT-INF/}), so it
 * cannot be a library of this module; the scripts are read from its sources instead, and the calls
 * are synchronous Lettuce rather than routing's reactive template over the same driver.
 */
public final class LettuceReservationTiming implements AutoCloseable {

    static final String WINDOW_MILLIS = "60000";
    static final String TOKENS = "1400";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String reserveSha;
    private final String adjustSha;

    public LettuceReservationTiming(String redisUrl, Path projectRoot) {
        Path scripts = projectRoot.resolve("routing-service/src/main/resources/redis");
        this.client = RedisClient.create(redisUrl);
        this.connection = client.connect();
        RedisCommands<String, String> redis = connection.sync();
        // each script starts with the shared head, as RedisCapacityStore loads them
        String head = read(scripts.resolve("adjust-capacity-common.lua")) + "\n";
        this.reserveSha = redis.scriptLoad(head + read(scripts.resolve("reserve-capacity.lua")));
        this.adjustSha = redis.scriptLoad(head + read(scripts.resolve("adjust-capacity.lua")));
    }

    /**
     * {@code iterations} pairs spread over {@code callers} threads on the one connection, after {@code
     * warmUp} unmeasured pairs per caller, in a scope of their own.
     */
    public ReservationLatency measure(int callers, int iterations, int warmUp) {
        String scope = "aigw:cap:{bench}:model:reservation-timing-" + callers + ":";
        List<String> reserveKeys = List.of(scope + "log", scope + "amounts", scope + "tokens", scope + "blocked");
        String[] adjustKeys = {scope + "log", scope + "amounts", scope + "tokens"};
        int perCaller = iterations / callers;
        long[] nanos = new long[perCaller * callers];
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread[] threads = new Thread[callers];
        for (int c = 0; c < callers; c++) {
            int caller = c;
            threads[c] = new Thread(
                    () -> {
                        try {
                            RedisCommands<String, String> redis = connection.sync();
                            for (int i = 0; i < warmUp; i++) {
                                pair(redis, reserveKeys, adjustKeys, "w" + caller + "-" + i);
                            }
                            go.await();
                            for (int i = 0; i < perCaller; i++) {
                                long start = System.nanoTime();
                                pair(redis, reserveKeys, adjustKeys, "m" + caller + "-" + i);
                                nanos[caller * perCaller + i] = System.nanoTime() - start;
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "reservation-timing-" + c);
            threads[c].start();
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        long took = System.nanoTime() - start;
        if (failure.get() != null) {
            throw failure.get();
        }
        return new ReservationLatency(callers, nanos.length, Percentiles.ofNanos(nanos), nanos.length / (took / 1e9));
    }

    private void pair(RedisCommands<String, String> redis, List<String> reserveKeys, String[] adjustKeys, String id) {
        // limits far above what the loop takes: every reservation is granted, as on the common path
        List<Object> decision = redis.evalsha(
                reserveSha,
                ScriptOutputType.MULTI,
                reserveKeys.toArray(String[]::new),
                WINDOW_MILLIS,
                id,
                TOKENS,
                "100000000",
                "100000000000");
        if (((Number) decision.get(0)).longValue() != 1) {
            throw new IllegalStateException("the timing reservation was refused: " + decision);
        }
        redis.evalsha(adjustSha, ScriptOutputType.INTEGER, adjustKeys, id, TOKENS);
    }

    private static String read(Path script) {
        try {
            return Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read routing's script " + script + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
