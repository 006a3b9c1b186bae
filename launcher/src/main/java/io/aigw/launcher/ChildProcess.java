package io.aigw.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service as a child {@code java -jar} process; its stdout and stderr go to one log file. */
final class ChildProcess {

    private final Service service;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;
    private Instant startedAt;

    ChildProcess(Service service, List<String> command, Map<String, String> environment, Path logFile) {
        this.service = service;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    /** {@code java <opts> -jar <jar> <args>}: secrets travel in the environment, never here. */
    static List<String> command(StackSpec spec, Service service) {
        List<String> command = new ArrayList<>();
        command.add(spec.javaExecutable().toString());
        command.addAll(spec.javaOpts());
        command.add("-jar");
        command.add(spec.runJar(service).toString());
        command.addAll(spec.extraArgs(service));
        return command;
    }

    /** Spawns the process; a restart appends to the log instead of truncating it. */
    synchronized void start(boolean restart) {
        try {
            ProcessBuilder.Redirect output;
            if (restart) {
                Files.writeString(
                        logFile,
                        "\n---- restarted by the launcher at " + Instant.now() + " ----\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                output = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            } else {
                output = ProcessBuilder.Redirect.to(logFile.toFile());
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(logFile.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            process = builder.start();
            startedAt = Instant.now();
        } catch (IOException e) {
            throw new StackStartException(
                    "cannot start " + service.moduleName() + " (" + command.get(0) + "): " + e.getMessage(), service);
        }
    }

    synchronized void stop(Duration grace) {
        if (process != null && process.isAlive()) {
            ProcessTree.terminate(process.toHandle(), grace);
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code, or -1 while it runs or before it started. */
    synchronized int exitCode() {
        return process == null || process.isAlive() ? -1 : process.exitValue();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    synchronized Instant startedAt() {
        return startedAt;
    }

    Service service() {
        return service;
    }

    Path logFile() {
        return logFile;
    }

    private static java.io.File nullDevice() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return new java.io.File(windows ? "NUL" : "/dev/null");
    }
}
