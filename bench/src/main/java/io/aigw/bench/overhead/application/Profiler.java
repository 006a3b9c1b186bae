package io.aigw.bench.overhead.application;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A sampling profiler attached to a running JVM by its pid, and what it saw while it recorded. */
public interface Profiler {

    /**
     * What one recording saw.
     *
     * @param stacks one per sample, top frame first; Java frames {@code package.Class.method}, the
     *     kernel's ending in {@link io.aigw.bench.overhead.domain.CpuLayer#KERNEL_FRAME}, the JVM's own
     *     native code in {@link io.aigw.bench.overhead.domain.CpuLayer#NATIVE_FRAME}
     * @param gcPauses the collector's pauses, when the profiler sees them
     */
    record Samples(List<List<String>> stacks, Optional<Duration> gcPauses) {

        public static final Samples NONE = new Samples(List.of(), Optional.empty());

        public Samples {
            stacks = List.copyOf(stacks);
        }
    }

    /** What the report says was sampled, for example "JFR's execution samples (...)". */
    String describesSamples();

    /** The ending of the file a recording is written to, for example {@code .jfr}. */
    String fileEnding();

    void start(long pid) throws IOException;

    /** Stops the recording and throws it away. */
    void discard(long pid) throws IOException;

    /** Stops the recording, writes it to {@code file} and reads it back. */
    Samples stop(long pid, Path file) throws IOException;
}
