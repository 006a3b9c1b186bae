package io.aigw.bench.overhead.application;

import io.aigw.bench.overhead.adapter.out.proc.ProcStats;
import io.aigw.bench.overhead.adapter.out.wrk.WrkLoad;
import io.aigw.bench.overhead.domain.ProcessProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One steady load run on an endpoint with a profiler recording in each of its JVMs and the CPU of each of
 * its processes read from {@code /proc} before and after: the profile evidence behind the overhead
 * report's "what bounds it".
 */
public final class ProfiledRun {

    /** The hottest methods listed per process. */
    static final int TOP_METHODS = 8;

    private final WrkLoad wrk;
    private final Profiler profiler;
    private final Path directory;
    private final PrintStream out;

    public ProfiledRun(WrkLoad wrk, Profiler profiler, Path directory, PrintStream out) {
        this.wrk = wrk;
        this.profiler = profiler;
        this.directory = directory;
        this.out = out;
    }

    /** What the run did, and each process's profile (in the endpoint's order). */
    public record Result(long requests, long errors, double seconds, List<ProcessProfile> processes) {}

    /**
     * How long the load runs, unmeasured, under a first recording that is then thrown away: starting
     * a profiler in a running JVM costs seconds of CPU (its classes, the event classes it instruments, the
     * code it deoptimizes), and in a short measured run that start was most of the profile (a 20 s run
     * at 38 req/s with timeouts, where the same load served 306 req/s without JFR).
     */
    static final Duration SETTLE = Duration.ofSeconds(10);

    public Result run(Endpoint endpoint, int connections, Duration duration) throws IOException {
        Files.createDirectories(directory);
        settle(endpoint, connections);
        List<String> recording = start(endpoint);
        Map<String, long[]> before = cpu(endpoint);
        WrkLoad.Result load = wrk.run(
                endpoint.baseUrl(),
                connections,
                duration,
                endpoint.model(),
                endpoint.headers(),
                endpoint.unique(),
                "profile-" + System.nanoTime());
        Map<String, long[]> after = cpu(endpoint);
        List<ProcessProfile> profiles = new ArrayList<>();
        for (Map.Entry<String, List<Long>> process : endpoint.processes().entrySet()) {
            String name = process.getKey();
            long user = after.get(name)[0] - before.get(name)[0];
            long system = after.get(name)[1] - before.get(name)[1];
            Profiler.Samples samples = recording.contains(name)
                    ? profiler.stop(process.getValue().get(0), directory.resolve(name + profiler.fileEnding()))
                    : Profiler.Samples.NONE;
            long gcPauseMicros = samples.gcPauses().map(p -> p.toNanos() / 1000).orElse(ProcessProfile.UNKNOWN);
            profiles.add(ProcessProfile.of(name, user, system, samples.stacks(), gcPauseMicros, TOP_METHODS));
        }
        return new Result(load.requests(), load.errors(), load.seconds(), profiles);
    }

    private void settle(Endpoint endpoint, int connections) throws IOException {
        List<String> first = start(endpoint);
        wrk.run(
                endpoint.baseUrl(),
                connections,
                SETTLE,
                endpoint.model(),
                endpoint.headers(),
                endpoint.unique(),
                "profile-settle-" + System.nanoTime());
        for (String name : first) {
            profiler.discard(endpoint.processes().get(name).get(0));
        }
    }

    /** Starts a recording in each JVM of the endpoint; the names of those that record. */
    private List<String> start(Endpoint endpoint) {
        List<String> recording = new ArrayList<>();
        for (Map.Entry<String, List<Long>> process : endpoint.processes().entrySet()) {
            if (process.getValue().size() != 1) {
                // a database's backends: CPU from /proc only
                continue;
            }
            try {
                profiler.start(process.getValue().get(0));
                recording.add(process.getKey());
            } catch (IOException e) {
                // not a JVM (Redis): its CPU is still read from /proc
                out.println("bench: profile: no recording in " + process.getKey() + " (" + firstLine(e) + ")");
            }
        }
        return recording;
    }

    private static Map<String, long[]> cpu(Endpoint endpoint) {
        Map<String, long[]> cpu = new LinkedHashMap<>();
        endpoint.processes().forEach((name, pids) -> cpu.put(name, ProcStats.cpuSplitMicros(pids)));
        return cpu;
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
