package io.aigw.bench.overhead.adapter.out.jfr;

import io.aigw.bench.jvm.Jcmd;
import io.aigw.bench.overhead.application.Profiler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of a running JVM, started and stopped with {@code jcmd} (no restart, no agent),
 * and what it sampled: the stacks of Java threads running Java code, and the collector's pauses.
 */
public final class JfrProfiler implements Profiler {

    private static final String NAME = "aigw-bench-profile";

    private final Jcmd jcmd = new Jcmd();

    @Override
    public String describesSamples() {
        return "JFR's execution samples (`settings=profile`, Java threads running Java code)";
    }

    @Override
    public String fileEnding() {
        return ".jfr";
    }

    /** Starts recording with the JDK's {@code profile} settings (execution samples every 10 ms). */
    @Override
    public void start(long pid) throws IOException {
        jcmd.run(pid, "JFR.start", "name=" + NAME, "settings=profile");
    }

    @Override
    public void discard(long pid) throws IOException {
        jcmd.run(pid, "JFR.stop", "name=" + NAME);
    }

    @Override
    public Samples stop(long pid, Path file) throws IOException {
        jcmd.run(pid, "JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
        return read(file);
    }

    static Samples read(Path file) throws IOException {
        List<List<String>> stacks = new ArrayList<>();
        Duration pauses = Duration.ZERO;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> stacks.add(frames(event.getStackTrace()));
                case "jdk.GarbageCollection" -> pauses = pauses.plus(event.getDuration("sumOfPauses"));
                default -> {
                    // other events of the profile settings are not used
                }
            }
        }
        return new Samples(stacks, Optional.of(pauses));
    }

    private static List<String> frames(RecordedStackTrace trace) {
        if (trace == null) {
            return List.of();
        }
        List<String> frames = new ArrayList<>(trace.getFrames().size());
        for (RecordedFrame frame : trace.getFrames()) {
            frames.add(frame.getMethod().getType().getName() + "."
                    + frame.getMethod().getName());
        }
        return frames;
    }
}
