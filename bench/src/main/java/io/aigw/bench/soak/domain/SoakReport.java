package io.aigw.bench.soak.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The soak's verdict: per service the slope of heap and RSS after warm-up, and whether errors grew,
 * rendered as {@code docs/benchmarks/soak.md} and {@code soak.json}.
 */
public final class SoakReport {

    /** A slope counts as flat when an hour of it is at most this many MB or this share of its mean. */
    public static final double FLAT_MB_PER_HOUR = 8;

    public static final double FLAT_SHARE_PER_HOUR = 0.03;

    /**
     * Measured and shown, but not part of the verdict: the provider simulator stands in for OpenAI
     * and is no part of the gateway a deployment runs.
     */
    public static final String NOT_JUDGED = "provider-simulator";

    /** The run as configured and as it went. */
    public record Run(
            String command,
            String date,
            double minutes,
            double warmupMinutes,
            double warmupRps,
            double rps,
            String mix,
            String machine) {}

    /** One service's memory after warm-up. */
    public record ServiceMemory(
            String service, Slope heap, Slope rss, Slope liveData, long threadsFirst, long threadsLast) {}

    private final Run run;
    private final List<ServiceMemory> services;
    private final List<SoakWindow> windows;
    private final Slope errorsPerWindow;
    private final double errorRateFirstHalf;
    private final double errorRateSecondHalf;
    private final Map<String, List<NativeMemory>> nativeMemory;

    private SoakReport(
            Run run,
            List<ServiceMemory> services,
            List<SoakWindow> windows,
            Slope errorsPerWindow,
            double errorRateFirstHalf,
            double errorRateSecondHalf,
            Map<String, List<NativeMemory>> nativeMemory) {
        this.run = run;
        this.nativeMemory = nativeMemory;
        this.services = services;
        this.windows = windows;
        this.errorsPerWindow = errorsPerWindow;
        this.errorRateFirstHalf = errorRateFirstHalf;
        this.errorRateSecondHalf = errorRateSecondHalf;
    }

    /** Fits the slopes over the samples and windows after {@code warmupSeconds}. */
    public static SoakReport of(Run run, List<SoakSample> samples, List<SoakWindow> windows, double warmupSeconds) {
        return of(run, samples, windows, warmupSeconds, Map.of());
    }

    /**
     * As {@link #of(Run, List, List, double)}, with each service's native memory summaries (taken after
     * warm-up, in time order) to say where RSS went.
     */
    public static SoakReport of(
            Run run,
            List<SoakSample> samples,
            List<SoakWindow> windows,
            double warmupSeconds,
            Map<String, List<NativeMemory>> nativeMemory) {
        Map<String, List<SoakSample>> byService = new LinkedHashMap<>();
        for (SoakSample sample : samples) {
            if (sample.seconds() >= warmupSeconds) {
                byService
                        .computeIfAbsent(sample.service(), s -> new ArrayList<>())
                        .add(sample);
            }
        }
        List<ServiceMemory> memory = new ArrayList<>();
        byService.forEach((service, list) -> memory.add(new ServiceMemory(
                service,
                Slope.fit(points(list, s -> mb(s.heapUsedBytes()))),
                Slope.fit(points(list, s -> mb(s.rssBytes()))),
                Slope.fit(
                        points(list.stream().filter(s -> s.liveDataBytes() > 0).toList(), s -> mb(s.liveDataBytes()))),
                list.get(0).threads(),
                list.get(list.size() - 1).threads())));
        List<SoakWindow> measured =
                windows.stream().filter(w -> w.seconds() > warmupSeconds).toList();
        Slope errors = Slope.fit(measured.stream()
                .map(w -> new Slope.Point(w.seconds(), w.errors()))
                .toList());
        int half = measured.size() / 2;
        return new SoakReport(
                run,
                memory,
                windows,
                errors,
                errorRate(measured.subList(0, half)),
                errorRate(measured.subList(half, measured.size())),
                Map.copyOf(nativeMemory));
    }

    /** MB per hour between two summaries of one quantity (KB). */
    private static double mbPerHour(NativeMemory from, NativeMemory to, long fromKb, long toKb) {
        double hours = (to.seconds() - from.seconds()) / 3600;
        return hours <= 0 ? 0 : (toKb - fromKb) / 1024.0 / hours;
    }

    /** The categories whose committed memory changed by more than 0.5 MB/h, largest first. */
    static List<Map.Entry<String, Double>> categoryGrowth(List<NativeMemory> snapshots) {
        NativeMemory first = snapshots.get(0);
        NativeMemory last = snapshots.get(snapshots.size() - 1);
        return last.committedKb().entrySet().stream()
                .map(e -> Map.entry(
                        e.getKey(),
                        mbPerHour(first, last, first.committedKb().getOrDefault(e.getKey(), 0L), e.getValue())))
                .filter(e -> Math.abs(e.getValue()) > 0.5)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())))
                .toList();
    }

    private static String halves(List<NativeMemory> s, ToLongFunction<NativeMemory> kb) {
        NativeMemory first = s.get(0);
        NativeMemory last = s.get(s.size() - 1);
        if (s.size() < 3) {
            return fmt(mbPerHour(first, last, kb.applyAsLong(first), kb.applyAsLong(last)));
        }
        NativeMemory mid = s.get(s.size() / 2);
        return fmt(mbPerHour(first, mid, kb.applyAsLong(first), kb.applyAsLong(mid))) + " → "
                + fmt(mbPerHour(mid, last, kb.applyAsLong(mid), kb.applyAsLong(last)));
    }

    private void nativeMarkdown(StringBuilder md) {
        if (nativeMemory.values().stream().allMatch(l -> l.size() < 2)) {
            return;
        }
        md.append("\n## Native memory after warm-up\n\n");
        md.append("What the JVM's native memory tracking counts as committed, and RSS beyond it (malloc"
                + " arenas and fragmentation, native libraries), at the end of warm-up, half-way and at the end;"
                + " growth per hour in the first half → the second half.\n\n");
        md.append("| service | tracked MB, start → end | tracked growth MB/h | RSS beyond tracking MB, start → end"
                + " | beyond-tracking growth MB/h | categories that grew, MB/h over the whole |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (ServiceMemory service : services) {
            List<NativeMemory> s = nativeMemory.getOrDefault(service.service(), List.of());
            if (s.size() < 2) {
                continue;
            }
            NativeMemory first = s.get(0);
            NativeMemory last = s.get(s.size() - 1);
            md.append("| ")
                    .append(service.service())
                    .append(" | ")
                    .append(fmt(first.totalCommittedKb() / 1024.0))
                    .append(" → ")
                    .append(fmt(last.totalCommittedKb() / 1024.0))
                    .append(" | ")
                    .append(halves(s, NativeMemory::totalCommittedKb))
                    .append(" | ")
                    .append(fmt(first.outsideTrackingKb() / 1024.0))
                    .append(" → ")
                    .append(fmt(last.outsideTrackingKb() / 1024.0))
                    .append(" | ")
                    .append(halves(s, NativeMemory::outsideTrackingKb))
                    .append(" | ")
                    .append(categoryGrowth(s).stream()
                            .map(e -> e.getKey() + " " + fmt(e.getValue()))
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
    }

    private interface Value {
        double of(SoakSample sample);
    }

    private static List<Slope.Point> points(List<SoakSample> samples, Value value) {
        return samples.stream()
                .map(s -> new Slope.Point(s.seconds(), value.of(s)))
                .toList();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static double errorRate(List<SoakWindow> windows) {
        long sent = windows.stream().mapToLong(SoakWindow::sent).sum();
        long errors = windows.stream().mapToLong(SoakWindow::errors).sum();
        return sent == 0 ? 0 : 100.0 * errors / sent;
    }

    /** Whether a slope is flat by the rule above. */
    public static boolean flat(Slope slope) {
        return Math.abs(slope.perHour()) <= Math.max(FLAT_MB_PER_HOUR, FLAT_SHARE_PER_HOUR * Math.abs(slope.mean()));
    }

    /** Memory flat everywhere and no more errors in the second half than in the first (plus 0.1 point). */
    public boolean passed() {
        return services.stream()
                        .filter(s -> !s.service().equals(NOT_JUDGED))
                        .allMatch(s -> heapFlat(s) && flat(s.rss()))
                && !errorsGrew();
    }

    /**
     * The heap by its live data after full collections when there were two or more: the used heap of
     * a generational collector is a sawtooth whose slope over a window says when it was cut, not
     * what is retained. With fewer full collections, by the used heap.
     */
    static boolean heapFlat(ServiceMemory s) {
        return s.liveData().points() >= 2 ? flat(s.liveData()) : flat(s.heap());
    }

    public boolean errorsGrew() {
        return errorRateSecondHalf > errorRateFirstHalf + 0.1;
    }

    public String markdown() {
        long sent = windows.stream().mapToLong(SoakWindow::sent).sum();
        long ok = windows.stream().mapToLong(SoakWindow::ok).sum();
        long hits = windows.stream().mapToLong(SoakWindow::cacheHits).sum();
        long expected = windows.stream().mapToLong(SoakWindow::expectedErrors).sum();
        long errors = windows.stream().mapToLong(SoakWindow::errors).sum();
        StringBuilder md = new StringBuilder();
        md.append("# Soak: memory and errors under a steady load\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%.0f minutes at %.1f requests/s through gateway → routing (two paths: cache, provider) with the"
                        + " mix %s, after %.0f minutes of warm-up at %.1f requests/s (so the JIT compilers are done"
                        + " before the measured window) that are left out of the slopes. Not a CI test.\n\n",
                run.minutes() - run.warmupMinutes(),
                run.rps(),
                run.mix(),
                run.warmupMinutes(),
                run.warmupRps()));
        md.append("Command:\n\n```sh\n").append(run.command()).append("\n```\n\n");
        md.append("Run: ")
                .append(run.date())
                .append(" — ")
                .append(run.machine())
                .append(".\n\n");
        md.append("Verdict: **")
                .append(passed() ? "flat" : "NOT flat")
                .append("** (a slope is flat when an hour of it is at most ")
                .append(fmt(FLAT_MB_PER_HOUR))
                .append(" MB or ")
                .append(fmt(FLAT_SHARE_PER_HOUR * 100))
                .append(" % of its mean; the heap is judged by its live data after full collections where there were"
                        + " two or more, else by the used heap; errors must not grow from the first half to the"
                        + " second).\n\n");
        md.append("## Memory after warm-up\n\n");
        md.append("| service | heap used: mean MB | heap slope MB/h | heap after GC (live data) slope MB/h"
                + " | RSS: mean MB | RSS slope MB/h (r²) | threads first → last | flat |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (ServiceMemory s : services) {
            md.append("| ")
                    .append(s.service())
                    .append(" | ")
                    .append(fmt(s.heap().mean()))
                    .append(" | ")
                    .append(fmt(s.heap().perHour()))
                    .append(" | ")
                    .append(
                            s.liveData().points() < 2
                                    ? "n/a (fewer than 2 full GCs)"
                                    : fmt(s.liveData().perHour()))
                    .append(" | ")
                    .append(fmt(s.rss().mean()))
                    .append(" | ")
                    .append(fmt(s.rss().perHour()))
                    .append(" (")
                    .append(fmt(s.rss().rSquared()))
                    .append(") | ")
                    .append(s.threadsFirst())
                    .append(" → ")
                    .append(s.threadsLast())
                    .append(" | ")
                    .append(
                            s.service().equals(NOT_JUDGED)
                                    ? (heapFlat(s) && flat(s.rss()) ? "yes" : "no")
                                            + " (not judged: the test's provider)"
                                    : heapFlat(s) && flat(s.rss()) ? "yes" : "**no**")
                    .append(" |\n");
        }
        md.append("\n## Requests\n\n");
        md.append("| sent | whole answers | cache hits | expected 404s (unknown model, on purpose) | errors |"
                + " error rate, first half → second half after warm-up | error slope per window per hour |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        md.append("| ")
                .append(sent)
                .append(" | ")
                .append(ok)
                .append(" | ")
                .append(hits)
                .append(" | ")
                .append(expected)
                .append(" | ")
                .append(errors)
                .append(" | ")
                .append(fmt(errorRateFirstHalf))
                .append(" % → ")
                .append(fmt(errorRateSecondHalf))
                .append(" % | ")
                .append(fmt(errorsPerWindow.perHour()))
                .append(" |\n\n");
        md.append("Per window (sent / whole answers / errors): ");
        md.append(windows.stream()
                .map(w -> String.format(Locale.ROOT, "%.0fs %d/%d/%d", w.seconds(), w.sent(), w.ok(), w.errors()))
                .collect(Collectors.joining(", ")));
        md.append(".\n");
        nativeMarkdown(md);
        return md.toString();
    }

    public String json() {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"benchmark\": \"soak\",\n");
        json.append("  \"date\": \"").append(run.date()).append("\",\n");
        json.append("  \"command\": \"")
                .append(run.command().replace("\"", "\\\""))
                .append("\",\n");
        json.append("  \"minutes\": ").append(fmt(run.minutes())).append(",\n");
        json.append("  \"warmup_minutes\": ").append(fmt(run.warmupMinutes())).append(",\n");
        json.append("  \"warmup_rps\": ").append(fmt(run.warmupRps())).append(",\n");
        json.append("  \"rps\": ").append(fmt(run.rps())).append(",\n");
        json.append("  \"passed\": ").append(passed()).append(",\n");
        json.append("  \"requests\": ")
                .append(windows.stream().mapToLong(SoakWindow::sent).sum())
                .append(",\n");
        json.append("  \"errors\": ")
                .append(windows.stream().mapToLong(SoakWindow::errors).sum())
                .append(",\n");
        json.append("  \"error_rate_pct_first_half\": ")
                .append(fmt(errorRateFirstHalf))
                .append(",\n");
        json.append("  \"error_rate_pct_second_half\": ")
                .append(fmt(errorRateSecondHalf))
                .append(",\n");
        json.append("  \"services\": {\n");
        for (int i = 0; i < services.size(); i++) {
            ServiceMemory s = services.get(i);
            json.append("    \"").append(s.service()).append("\": {");
            json.append("\"heap_mean_mb\": ").append(fmt(s.heap().mean()));
            json.append(", \"heap_slope_mb_per_hour\": ").append(fmt(s.heap().perHour()));
            json.append(", \"rss_mean_mb\": ").append(fmt(s.rss().mean()));
            json.append(", \"rss_slope_mb_per_hour\": ").append(fmt(s.rss().perHour()));
            json.append(", \"rss_r_squared\": ").append(fmt(s.rss().rSquared()));
            json.append(", \"threads_first\": ").append(s.threadsFirst());
            json.append(", \"threads_last\": ").append(s.threadsLast());
            List<NativeMemory> n = nativeMemory.getOrDefault(s.service(), List.of());
            if (n.size() >= 2) {
                NativeMemory first = n.get(0);
                NativeMemory last = n.get(n.size() - 1);
                json.append(", \"tracked_mb_start\": ").append(fmt(first.totalCommittedKb() / 1024.0));
                json.append(", \"tracked_mb_end\": ").append(fmt(last.totalCommittedKb() / 1024.0));
                json.append(", \"beyond_tracking_mb_start\": ").append(fmt(first.outsideTrackingKb() / 1024.0));
                json.append(", \"beyond_tracking_mb_end\": ").append(fmt(last.outsideTrackingKb() / 1024.0));
                json.append(", \"category_growth_mb_per_hour\": {")
                        .append(categoryGrowth(n).stream()
                                .map(e -> "\"" + e.getKey() + "\": " + fmt(e.getValue()))
                                .collect(Collectors.joining(", ")))
                        .append("}");
            }
            json.append("}").append(i + 1 < services.size() ? "," : "").append("\n");
        }
        json.append("  }\n}\n");
        return json.toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
