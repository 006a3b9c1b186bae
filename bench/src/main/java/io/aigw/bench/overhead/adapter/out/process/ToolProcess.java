package io.aigw.bench.overhead.adapter.out.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the benchmark started (nginx, the Portkey gateway), logging to one file. {@link #close()}
 * stops exactly this process by its PID: SIGTERM, SIGKILL after a grace period.
 */
public final class ToolProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<Integer> ports;

    private ToolProcess(String name, Process process, List<Integer> ports) {
        this.name = name;
        this.process = process;
        this.ports = List.copyOf(ports);
    }

    /** Starts the command and waits until it accepts connections on every one of 127.0.0.1:{@code ports}. */
    public static ToolProcess start(
            String name,
            List<String> command,
            Map<String, String> env,
            Path workDir,
            Path log,
            List<Integer> ports,
            Duration wait) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
        ToolProcess started = new ToolProcess(name, process, ports);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!ports.stream().allMatch(ToolProcess::accepts)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                started.close();
                throw new IllegalStateException(
                        name + " did not listen on " + ports + " within " + wait + "; see " + log);
            }
            sleep(100);
        }
        return started;
    }

    public String name() {
        return name;
    }

    /** The (first) port it listens on. */
    public int port() {
        return ports.get(0);
    }

    /** The second port it listens on (the proxy's stream port). */
    public int secondPort() {
        return ports.get(1);
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
