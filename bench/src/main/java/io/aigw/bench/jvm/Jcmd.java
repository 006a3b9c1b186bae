package io.aigw.bench.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
