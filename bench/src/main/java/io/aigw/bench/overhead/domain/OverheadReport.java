package io.aigw.bench.overhead.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code overhead.md} and {@code overhead.json} show.
 *
 * @param date when the run started (UTC, ISO-8601)
 * @param command the command line that produced it
 * @param machine cores, CPU model, Java, OS
 * @param loadBefore the load averages when the run started
 * @param loadAfter the load averages when it ended
 * @param setup how the targets were set up, one line each
 * @param rounds interleaved rounds
 * @param runSeconds seconds of each load run
 * @param streamSeconds seconds of each stream run
 * @param load the load figures per target and connection count
 * @param streams the stream figures per target and concurrency
 * @param baseline the cache-miss path against the A/B run's baseline, per connection count; empty
 *     without a baseline
 * @param startUp each service's time from spawn to ready (all started at once)
 * @param javaOpts the services' JVM options
 * @param took how long the whole run took
 */
public record OverheadReport(
        String date,
        String command,
        String machine,
        MachineLoad loadBefore,
        MachineLoad loadAfter,
        List<String> setup,
        int rounds,
        double runSeconds,
        double streamSeconds,
        List<LoadSummary> load,
        List<StreamSummary> streams,
        List<BaselineComparison> baseline,
        Map<String, Duration> startUp,
        Map<String, String> javaOpts,
        Duration took) {

    /**
     * The load averages of {@code /proc/loadavg}.
     *
     * @param one the 1-minute average
     * @param five the 5-minute one
     * @param fifteen the 15-minute one
     */
    public record MachineLoad(double one, double five, double fifteen) {

        public static MachineLoad parse(String loadavg) {
            String[] f = loadavg == null ? new String[0] : loadavg.trim().split("\\s+");
            if (f.length < 3) {
                return new MachineLoad(-1, -1, -1);
            }
            return new MachineLoad(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.2f, %.2f, %.2f", one, five, fifteen);
        }
    }
}
