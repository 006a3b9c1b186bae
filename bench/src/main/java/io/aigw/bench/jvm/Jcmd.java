package io.aigw.bench.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the JDK's {@code jcmd} against a local JVM (same user) and returns what it printed. */
public final class Jcmd {

    private final Path executable = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    /** {@code jcmd <pid> VM.native_memory summary scale=KB}. */
    public String nativeMemorySummary(long pid) throws IOException {
        return run(pid, "VM.native_memory", "summary", "scale=KB");
    }

    /** {@code jcmd <pid> <command...>}; an {@link IOException} when it fails or takes over 30 s. */
    public String run(long pid, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(executable.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("jcmd " + pid + " did not finish in 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("jcmd " + pid + " exited with " + process.exitValue() + ": " + output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
