package io.aigw.bench.soak.application;

import io.aigw.bench.jvm.Jcmd;
import io.aigw.bench.soak.adapter.out.JvmMetrics;
import io.aigw.bench.soak.adapter.out.ProcessMemory;
import io.aigw.bench.soak.adapter.out.SoakClient;
import io.aigw.bench.soak.domain.NativeMemory;
import io.aigw.bench.soak.domain.SoakSample;
import io.aigw.bench.soak.domain.SoakWindow;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak itself: an open-loop load at a fixed rate with a fixed mix for the whole duration, and
 * every sample interval each service's RSS (from /proc), heap, live data after GC and threads; at the
 * end of warm-up, half-way through the rest and at the end, each service's native memory summary
 * (the JVMs run with native memory tracking), so RSS growth can be put down to a category.
 */
public final class SoakRun {

    /** The mix, by request number modulo 10. */
    public static final String MIX = "30 % streams, 30 % repeats of 20 questions (exact-cache hits), 20 % new"
            + " questions to `auto` whose cheapest deployment fails 10 % of its calls with 500 (fallbacks), 10 % new"
            + " questions with the cache on (semantic stores), 10 % an unknown model (clean 404s)";

    /** What the run measures: service name → (base URL, PID). */
    public record Target(String baseUrl, long pid) {}

    private final SoakClient client;
    private final JvmMetrics metrics = new JvmMetrics();
    private final Jcmd jcmd = new Jcmd();
    private final Map<String, Target> targets;
    private final PrintStream out;
    private final int maxInFlight;

    public SoakRun(SoakClient client, Map<String, Target> targets, PrintStream out, int maxInFlight) {
        this.client = client;
        this.targets = targets;
        this.out = out;
        this.maxInFlight = maxInFlight;
    }

    /**
     * @param nativeMemory per service, its native memory summaries in time order (none when tracking
     *     is off)
     */
    public record Result(
            List<SoakSample> samples, List<SoakWindow> windows, Map<String, List<NativeMemory>> nativeMemory) {}

    /**
     * @param warmupRps the rate until {@code warmup} has passed, then {@code rps}
     */
    public Result run(Duration duration, Duration warmup, double warmupRps, double rps, Duration sampleEvery)
            throws InterruptedException {
        List<SoakSample> samples = new ArrayList<>();
        Map<String, List<NativeMemory>> nativeMemory = new LinkedHashMap<>();
        double[] nativeAt = {warmup.toMillis() / 1000.0, (warmup.toMillis() + duration.toMillis()) / 2000.0};
        int nativeTaken = 0;
        List<SoakWindow> windows = new ArrayList<>();
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "soak-client");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong sent = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong hits = new AtomicLong();
        AtomicLong expected = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long intervalNanos = (long) (1e9 / rps);
        long warmupIntervalNanos = (long) (1e9 / warmupRps);
        long warmupEnd = start + warmup.toNanos();
        long due = start;
        long nextSample = start;
        long n = 0;
        long[] last = new long[5];
        while (System.nanoTime() - start < duration.toNanos()) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            due += due < warmupEnd ? warmupIntervalNanos : intervalNanos;
            long id = n++;
            sent.incrementAndGet();
            if (!inFlight.tryAcquire()) {
                errors.incrementAndGet(); // shed: the gateway is not keeping up
            } else {
                workers.execute(() -> {
                    try {
                        switch (one(id)) {
                            case OK -> ok.incrementAndGet();
                            case CACHE_HIT -> {
                                ok.incrementAndGet();
                                hits.incrementAndGet();
                            }
                            case EXPECTED_ERROR -> expected.incrementAndGet();
                            case ERROR -> errors.incrementAndGet();
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
            if (System.nanoTime() >= nextSample) {
                double seconds = (System.nanoTime() - start) / 1e9;
                sample(seconds, samples);
                long[] now = {sent.get(), ok.get(), hits.get(), expected.get(), errors.get()};
                if (seconds > 0.5) {
                    SoakWindow window = new SoakWindow(
                            seconds,
                            now[0] - last[0],
                            now[1] - last[1],
                            now[2] - last[2],
                            now[3] - last[3],
                            now[4] - last[4]);
                    windows.add(window);
                    out.printf(
                            "soak: %5.0f s: sent %d, ok %d (hits %d), expected 404 %d, errors %d%n",
                            seconds,
                            window.sent(),
                            window.ok(),
                            window.cacheHits(),
                            window.expectedErrors(),
                            window.errors());
                }
                last = now;
                nextSample += sampleEvery.toNanos();
                if (nativeTaken < nativeAt.length && seconds >= nativeAt[nativeTaken]) {
                    nativeSnapshot(seconds, nativeMemory);
                    nativeTaken++;
                }
            }
        }
        nativeSnapshot((System.nanoTime() - start) / 1e9, nativeMemory);
        workers.shutdown();
        workers.awaitTermination(90, TimeUnit.SECONDS);
        return new Result(samples, windows, nativeMemory);
    }

    private SoakClient.Result one(long n) {
        int slot = (int) (n % 10);
        String tag = "soak " + n;
        return switch (slot) {
            case 0, 1, 2 -> client.send("gpt-4o-mini", "Stream " + tag, true, "off", 0);
            case 3, 4, 5 -> client.send("gpt-4o-mini", "Repeated question " + (n % 20), false, "exact-only", 0);
            case 6, 7 -> client.send("auto", "New question " + tag, false, "off", 0);
            case 8 -> client.send("gpt-4o-mini", "Cached question " + tag, false, "on", 0);
            default -> client.send("no-such-model", "Unknown model " + tag, false, "off", 404);
        };
    }

    private void nativeSnapshot(double seconds, Map<String, List<NativeMemory>> nativeMemory) {
        targets.forEach((service, target) -> {
            try {
                String summary = jcmd.nativeMemorySummary(target.pid());
                long rssKb = ProcessMemory.rssBytes(target.pid()).orElse(0) / 1024;
                nativeMemory
                        .computeIfAbsent(service, s -> new ArrayList<>())
                        .add(NativeMemory.parse(seconds, rssKb, summary));
            } catch (IOException | IllegalArgumentException e) {
                out.println("soak: no native memory summary of " + service + ": " + e.getMessage());
            }
        });
    }

    private void sample(double seconds, List<SoakSample> samples) {
        targets.forEach((service, target) -> {
            OptionalLong rss = ProcessMemory.rssBytes(target.pid());
            try {
                JvmMetrics.Reading reading = metrics.read(target.baseUrl());
                samples.add(new SoakSample(
                        service,
                        seconds,
                        rss.orElse(0),
                        reading.heapUsedBytes(),
                        reading.liveDataBytes(),
                        reading.threads()));
            } catch (Exception e) {
                out.println("soak: could not read " + service + ": " + e.getMessage());
            }
        });
    }
}
