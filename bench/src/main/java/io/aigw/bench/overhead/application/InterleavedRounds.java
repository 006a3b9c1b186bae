package io.aigw.bench.overhead.application;

import io.aigw.bench.jvm.Jcmd;
import io.aigw.bench.overhead.adapter.out.http.StreamProbe;
import io.aigw.bench.overhead.adapter.out.proc.ProcStats;
import io.aigw.bench.overhead.adapter.out.wrk.WrkLoad;
import io.aigw.bench.overhead.domain.CpuSample;
import io.aigw.bench.overhead.domain.LoadRun;
import io.aigw.bench.overhead.domain.StreamRun;
import io.aigw.bench.overhead.domain.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured part of the overhead benchmark: rounds, and in each round every connection count, and
 * at each count every target back to back — in an order that rotates from round to round, so that no
 * target always runs first, or right after the most expensive one. Drift of a shared machine then
 * hits every target alike, and the per-round differences to direct stay fair.
 */
public final class InterleavedRounds {

    /** After each run, so that the off-path work of its requests (cache store, usage) is counted in it. */
    private static final Duration DRAIN = Duration.ofMillis(1000);

    /**
     * Passes stop once req/s is within 5 % of the last one. At 15 % the cache-miss path stopped at
     * 156 req/s on a slow machine and then climbed through the measured rounds to 693 (its JIT still
     * compiling), so the rounds' medians measured the compiler, not the gateway.
     */
    static final double SETTLED = 0.05;

    /**
     * On this gateway the passes also wait for its JIT: a pass counts as settled only when the time
     * its JVMs spent compiling during it ({@code java.ci.totalTime}, summed over their compiler
     * threads, so more than 100 % while every thread compiles) was at most this share of the pass's
     * core-seconds. Within 5 % alone was not enough:
     * the cache-miss path went 558, 578 req/s and then measured 697, while three of its JVMs (routing, gateway, billing) still
     * compiled for about 30 % of both cores (their {@code java.ci.totalTime} grew 8 s in 13 s). Both
     * passes must be this quiet: one at 9 % after one at 15 % (1,168 and 1,190 req/s) still measured
     * 879, 1,216 and then 1,588 req/s in the first three rounds of an A/B run.
     */
    static final double JIT_QUIET = 0.10;

    private static final int MAX_WARM_UP_PASSES = 12;

    /** This gateway's four JVMs compile for minutes under full load on two cores. */
    private static final int MAX_WARM_UP_PASSES_OURS = 36;

    private final WrkLoad wrk;
    private final StreamProbe streams;
    private final Jcmd jcmd;
    private final PrintStream out;

    public InterleavedRounds(WrkLoad wrk, StreamProbe streams, Jcmd jcmd, PrintStream out) {
        this.wrk = wrk;
        this.streams = streams;
        this.jcmd = jcmd;
        this.out = out;
    }

    /**
     * Unmeasured load on every endpoint, so the JIT has compiled the hot paths before the rounds. The
     * JVM and Node targets get passes of {@code duration} until their throughput settles (within 5 %
     * of the pass before; on this gateway also with its compilers quiet, {@link #JIT_QUIET}) or the
     * most passes ran: on a busy machine a fixed time may end while the compilers are still at work,
     * and their CPU would be billed to the requests.
     */
    public void warmUp(List<Endpoint> endpoints, Duration duration) {
        for (Endpoint endpoint : endpoints) {
            boolean ours = endpoint.target().ours();
            boolean compiled = ours || endpoint.target() == Target.PORTKEY;
            Duration length = compiled ? duration : Duration.ofSeconds(Math.min(3, Math.max(1, duration.toSeconds())));
            int passes = ours ? MAX_WARM_UP_PASSES_OURS : compiled ? MAX_WARM_UP_PASSES : 1;
            List<Long> jvms = ours ? jvms(endpoint) : List.of();
            double previous = -1;
            double previousJit = Double.MAX_VALUE;
            // each reading is one jcmd per JVM: the one after a pass is the one before the next
            Duration compiledBefore = compileTime(jvms);
            for (int pass = 1; pass <= passes; pass++) {
                WrkLoad.Result result = wrk.run(
                        endpoint.baseUrl(),
                        16,
                        length,
                        endpoint.model(),
                        endpoint.headers(),
                        endpoint.unique(),
                        "warm" + pass + "-" + System.nanoTime());
                double rps = result.requests() / result.seconds();
                Duration compiledAfter = compileTime(jvms);
                double jit = compiledAfter.minus(compiledBefore).toNanos()
                        / (result.seconds() * 1e9 * Runtime.getRuntime().availableProcessors());
                compiledBefore = compiledAfter;
                out.printf(
                        Locale.ROOT,
                        "bench: warm-up %-12s pass %d: %6.0f req/s, %d errors%s%n",
                        endpoint.target().key(),
                        pass,
                        rps,
                        result.errors(),
                        ours ? String.format(Locale.ROOT, ", JIT busy %.0f %%", jit * 100) : "");
                if (settled(previous, rps, previousJit, jit)) {
                    break;
                }
                previous = rps;
                previousJit = jit;
            }
        }
    }

    /**
     * Whether a warm-up pass ends the warm-up: its req/s within {@link #SETTLED} of the pass before,
     * and the compilers at most {@link #JIT_QUIET} busy in both (targets without JVMs of ours read 0).
     */
    static boolean settled(double previousRps, double rps, double previousJit, double jit) {
        return previousRps > 0
                && Math.abs(rps - previousRps) <= SETTLED * previousRps
                && jit <= JIT_QUIET
                && previousJit <= JIT_QUIET;
    }

    /** The endpoint's JVMs, whose compilers the warm-up waits for; a database or Redis is none. */
    private List<Long> jvms(Endpoint endpoint) {
        List<Long> jvms = new ArrayList<>();
        for (List<Long> group : endpoint.processes().values()) {
            if (group.size() == 1) {
                try {
                    jcmd.compileTime(group.get(0));
                    jvms.add(group.get(0));
                } catch (IOException notAJvm) {
                    // Redis: no JIT to wait for
                }
            }
        }
        return jvms;
    }

    private Duration compileTime(List<Long> jvms) {
        Duration total = Duration.ZERO;
        for (long pid : jvms) {
            try {
                total = total.plus(jcmd.compileTime(pid));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the JIT time of process " + pid, e);
            }
        }
        return total;
    }

    public List<LoadRun> load(List<Endpoint> endpoints, List<Integer> connections, int rounds, Duration duration) {
        List<LoadRun> runs = new ArrayList<>();
        int block = 0;
        for (int round = 0; round < rounds; round++) {
            for (int conns : connections) {
                for (Endpoint endpoint : rotated(endpoints, block++)) {
                    Map<String, Long> before = cpu(endpoint.processes());
                    WrkLoad.Result result = wrk.run(
                            endpoint.baseUrl(),
                            conns,
                            duration,
                            endpoint.model(),
                            endpoint.headers(),
                            endpoint.unique(),
                            "r" + round + "c" + conns + "-" + System.nanoTime());
                    sleep(DRAIN);
                    Map<String, Long> used = used(before, cpu(endpoint.processes()));
                    LoadRun run = new LoadRun(
                            endpoint.target(),
                            conns,
                            round,
                            result.requests(),
                            result.errors(),
                            result.seconds(),
                            result.p50Micros(),
                            result.p90Micros(),
                            result.p99Micros(),
                            new CpuSample(used, result.requests()),
                            rss(endpoint.processes()));
                    runs.add(run);
                    out.printf(
                            Locale.ROOT,
                            "bench: round %d, %2d conns, %-12s %7.0f req/s  p50 %6.2f ms  p99 %7.2f ms  %6.0f µs"
                                    + " CPU/req  %d errors%n",
                            round + 1,
                            conns,
                            endpoint.target().key(),
                            run.requestsPerSecond(),
                            run.p50Micros() / 1000.0,
                            run.p99Micros() / 1000.0,
                            run.cpu().microsPerRequest(),
                            run.errors());
                }
            }
        }
        return runs;
    }

    public List<StreamRun> streams(List<Endpoint> endpoints, List<Integer> connections, int rounds, Duration duration) {
        List<StreamRun> runs = new ArrayList<>();
        int block = 0;
        for (int round = 0; round < rounds; round++) {
            for (int conns : connections) {
                for (Endpoint endpoint : rotated(endpoints, block++)) {
                    StreamProbe.Result result = streams.run(
                            endpoint.baseUrl(),
                            endpoint.model(),
                            endpoint.headers(),
                            conns,
                            duration,
                            "r" + round + "c" + conns + "-" + System.nanoTime());
                    StreamRun run = new StreamRun(
                            endpoint.target(),
                            conns,
                            round,
                            result.streams(),
                            result.errors(),
                            result.firstToken(),
                            result.total());
                    runs.add(run);
                    if (result.errors() > 0) {
                        streams.firstError().ifPresent(error -> out.println("bench: first stream error: " + error));
                    }
                    out.printf(
                            Locale.ROOT,
                            "bench: streams round %d, %2d conns, %-12s %5d streams  TTFT p50 %6.2f ms  total p50"
                                    + " %6.2f ms  %d errors%n",
                            round + 1,
                            conns,
                            endpoint.target().key(),
                            run.streams(),
                            run.firstToken().p50Micros() / 1000.0,
                            run.total().p50Micros() / 1000.0,
                            run.errors());
                    sleep(DRAIN);
                }
            }
        }
        return runs;
    }

    static <T> List<T> rotated(List<T> items, int by) {
        List<T> rotated = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            rotated.add(items.get((i + by) % items.size()));
        }
        return rotated;
    }

    private static Map<String, Long> cpu(Map<String, List<Long>> processes) {
        Map<String, Long> micros = new TreeMap<>();
        processes.forEach((name, pids) -> micros.put(name, ProcStats.cpuMicros(pids)));
        return micros;
    }

    private static Map<String, Long> used(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> used = new LinkedHashMap<>();
        before.forEach((name, start) -> {
            Long end = after.get(name);
            if (start >= 0 && end != null && end >= start) {
                used.put(name, end - start);
            }
        });
        return used;
    }

    private static Map<String, Long> rss(Map<String, List<Long>> processes) {
        Map<String, Long> kib = new TreeMap<>();
        processes.forEach((name, pids) -> {
            long value = ProcStats.rssKib(pids);
            if (value >= 0) {
                kib.put(name, value);
            }
        });
        return kib;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
