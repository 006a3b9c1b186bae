package io.aigw.bench;

import io.aigw.bench.cache.CacheBenchCommand;
import io.aigw.bench.limits.LimitsBenchCommand;
import io.aigw.bench.overhead.OverheadBenchCommand;
import io.aigw.bench.routing.RoutingBenchCommand;
import io.aigw.bench.scaler.ScalerBenchCommand;
import io.aigw.bench.soak.SoakBenchCommand;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code ./aigw bench <name> [options]}: runs one benchmark, against a stack it starts and stops itself
 * or, for {@code scaler}, as a pure simulation.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.print(usage());
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (args[0].equals("routing")) {
            return new RoutingBenchCommand(out, err).run(rest);
        }
        if (args[0].equals("limits")) {
            return new LimitsBenchCommand(out, err).run(rest);
        }
        if (args[0].equals("scaler")) {
            return new ScalerBenchCommand(out, err).run(rest);
        }
        if (args[0].equals("cache")) {
            return new CacheBenchCommand(out, err).run(rest);
        }
        if (args[0].equals("soak")) {
            return new SoakBenchCommand(out, err).run(rest);
        }
        if (args[0].equals("overhead")) {
            return new OverheadBenchCommand(out, err).run(rest);
        }
        err.println("bench: unknown benchmark: " + args[0]);
        err.print(usage());
        return 2;
    }

    static String usage() {
        return "usage: ./aigw bench <benchmark> [options]\n\n"
                + "  routing   GSM8K and MMLU (RouteLLM labels) through gateway -> routing -> simulator replay:\n"
                + "            accuracy, cost per 1,000 requests and strong share of always-weak, always-strong,\n"
                + "            the cascade and the oracle; with --learned, the learned group trained by feedback\n"
                + "            (APGR, CPT). Options: ./aigw bench routing --help\n"
                + "  limits    the Azure LLM trace through two gateway/routing replica pairs against one cheap model's\n"
                + "            RPM/TPM limits, with reservations in Redis and without: provider 429s, utilization,\n"
                + "            spill, retry-after; and the latency of one reservation. Options: ./aigw bench limits --help\n"
                + "  scaler    replay of the Azure LLM trace (ramp, burst, quiet) through the scaler's decision\n"
                + "            function on a simulated cluster: static at peak, plain HPA, HPA + forecast. No\n"
                + "            services needed. Options: ./aigw bench scaler --help\n"
                + "  cache     cache latency: exact hits as routing reads them (Redis) and over cache-service's HTTP;\n"
                + "            semantic lookups (embedding, pgvector HNSW with 100,000 entries, verifier) in process\n"
                + "            and over HTTP. Needs PostgreSQL with pgvector and Redis. Options: ./aigw bench cache --help\n"
                + "  soak      30 minutes of steady load (streams, cache hits, provider failures, client errors): the\n"
                + "            slope of heap and RSS per service after warm-up, and error growth. Options:\n"
                + "            ./aigw bench soak --help\n"
                + "  overhead  what a request pays for the gateway: direct, a plain nginx proxy, Portkey and this\n"
                + "            gateway (cache miss and exact hit) at 1, 16 and 64 connections, interleaved: req/s,\n"
                + "            p50/p90/p99, added latency, CPU per request, RSS, stream TTFT. Options: ./aigw bench\n"
                + "            overhead --help\n";
    }
}
