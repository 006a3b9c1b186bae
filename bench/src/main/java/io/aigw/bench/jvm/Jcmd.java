package io.aigw.bench.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the JDK's {@code jcmd} against a local JVM (same user) and returns what it printed. */
public final class Jcmd {

    private static final long TIMEOUT_SECONDS = 30;

    private final Path executable = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    /** {@code jcmd <pid> VM.native_memory summary scale=KB}. */
    public String nativeMemorySummary(long pid) throws IOException {
        return run(pid, "VM.native_memory", "summary", "scale=KB");
    }

    /**
     * The time the JVM's JIT compilers have spent compiling since it started: {@code
     * java.ci.totalTime} of {@code PerfCounter.print}, in ticks of {@code sun.os.hrt.frequency}.
     */
    public Duration compileTime(long pid) throws IOException {
        return compileTime(run(pid, "PerfCounter.print"));
    }

    static Duration compileTime(String counters) throws IOException {
        long ticks = -1;
        long frequency = -1;
        for (String line : counters.split("\n")) {
            if (line.startsWith("java.ci.totalTime=")) {
                ticks = Long.parseLong(line.substring(line.indexOf('=') + 1).strip());
            } else if (line.startsWith("sun.os.hrt.frequency=")) {
                frequency = Long.parseLong(line.substring(line.indexOf('=') + 1).strip());
            }
        }
        if (ticks < 0 || frequency <= 0) {
            throw new IOException("no java.ci.totalTime and sun.os.hrt.frequency among the JVM's counters");
        }
        return Duration.ofNanos(Math.round(ticks * (1e9 / frequency)));
    }

    /** {@code jcmd <pid> <command...>}; an {@link IOException} when it fails or takes over 30 s. */
    public String run(long pid, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(executable.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        // into a file, not a pipe: reading a pipe to its end would wait as long as jcmd, and the
        // timeout below could never fire
        Path output = Files.createTempFile("jcmd-" + pid + "-", ".txt");
        Process process = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("jcmd " + pid + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException("jcmd " + pid + " exited with " + process.exitValue() + ": " + printed.strip());
            }
            return printed;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
