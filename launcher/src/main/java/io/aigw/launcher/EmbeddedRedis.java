package io.aigw.launcher;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server from the binaries that embedded-redis ships, bound to the loopback, without
 * persistence, logging to a file.
 *
 * <p>We take only the binary from embedded-redis and run it ourselves: its {@code RedisServer} reads
 * the server's stdout to find the ready line and then leaves the pipe undrained, and we want the log
 * in a file next to the services' logs and the process in our own stop sequence.
 */
final class EmbeddedRedis {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final int port;

    private EmbeddedRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static EmbeddedRedis start(int port, Path logFile) {
        return start(port, logFile, false);
    }

    /** @param append add to the log (a restart) instead of truncating it */
    static EmbeddedRedis start(int port, Path logFile, boolean append) {
        Process process;
        try {
            File executable = ExecutableProvider.newJarResourceProvider().get();
            Path workDir = Files.createTempDirectory("aigw-redis-");
            workDir.toFile().deleteOnExit();
            List<String> command = List.of(
                    executable.getAbsolutePath(),
                    "--port",
                    String.valueOf(port),
                    "--bind",
                    ChildEnvironment.LOOPBACK,
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--daemonize",
                    "no",
                    "--dir",
                    workDir.toString());
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            append
                                    ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                                    : ProcessBuilder.Redirect.to(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new StackStartException("cannot start the embedded Redis: " + e.getMessage(), e);
        }
        EmbeddedRedis redis = new EmbeddedRedis(process, port);
        redis.awaitPong(logFile);
        return redis;
    }

    String url() {
        return "redis://" + ChildEnvironment.LOOPBACK + ":" + port;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(Duration grace) {
        ProcessTree.terminate(process.toHandle(), grace);
    }

    private void awaitPong(Path logFile) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackStartException("the embedded Redis on port " + port + " exited with code "
                        + process.exitValue() + "\n" + LogTail.describe(logFile, 30));
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop(Duration.ofSeconds(2));
        throw new StackStartException("the embedded Redis on port " + port + " did not answer PING within "
                + READY_TIMEOUT.toSeconds() + " s\n" + LogTail.describe(logFile, 30));
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ChildEnvironment.LOOPBACK, port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return "+PONG".equals(in.readLine());
        } catch (IOException e) {
            return false;
        }
    }
}
