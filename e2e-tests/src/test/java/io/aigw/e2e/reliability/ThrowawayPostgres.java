package io.aigw.e2e.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of our own, in a temporary directory on a free loopback port, that a test may
 * stop and start at will: the machine's PostgreSQL (5432) is never touched. Built with the
 * installed server binaries ({@code initdb}, {@code pg_ctl}); pgvector must be installed for them
 * ({@code scripts/ensure-test-infra.sh} does that). Run as the {@code postgres} OS user when the
 * tests run as root, since PostgreSQL refuses to run as root.
 */
final class ThrowawayPostgres implements AutoCloseable {

    static final String DATABASE = "aigw";
    static final String USER = "postgres";

    private static final List<Path> BIN_DIRS =
            List.of(Path.of("/usr/lib/postgresql/15/bin"), Path.of("/usr/local/bin"));

    private final Path bin;
    private final Path root;
    private final Path data;
    private final int port;

    private final Path logFile;
    private final Path keptLog;

    private ThrowawayPostgres(Path bin, Path root, int port, Path keptLog) {
        this.bin = bin;
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
        // the server (user postgres) writes its log in its own directory; close() keeps a copy
        this.logFile = root.resolve("postgresql.log");
        this.keptLog = keptLog;
    }

    static ThrowawayPostgres create(Path logDirectory) {
        Path bin = BIN_DIRS.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no initdb in " + BIN_DIRS + ": install PostgreSQL (scripts/ensure-test-infra.sh)"));
        try {
            Path root = Files.createTempDirectory("aigw-reliability-pg-");
            Files.createDirectories(logDirectory);
            ThrowawayPostgres pg = new ThrowawayPostgres(bin, root, freePort(), logDirectory.resolve("postgresql.log"));
            pg.chownToPostgres(root);
            // a test JVM that is killed still stops the server it started
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "aigw-reliability-postgres-stop"));
            pg.run(Duration.ofSeconds(60), "initdb", "-D", pg.data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8");
            Files.writeString(
                    pg.data.resolve("postgresql.conf"),
                    "\nlisten_addresses = '127.0.0.1'\nport = " + pg.port + "\nunix_socket_directories = '" + root
                            + "'\nfsync = off\nmax_connections = 60\n",
                    java.nio.file.StandardOpenOption.APPEND);
            pg.start();
            try (Connection c = DriverManager.getConnection(pg.url("postgres"), USER, "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
            try (Connection c = pg.connect();
                    Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS vector");
            }
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("the throwaway PostgreSQL did not take its database: " + e, e);
        }
    }

    String jdbcUrl() {
        return url(DATABASE);
    }

    int port() {
        return port;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    /** Starts the server and waits until it accepts connections. */
    void start() {
        run(
                Duration.ofSeconds(60),
                "pg_ctl",
                "-D",
                data.toString(),
                "-l",
                logFile.toString(),
                "-w",
                "-t",
                "50",
                "start");
    }

    /** Stops the server at once, as a crash would ({@code -m immediate}: no checkpoint, clients cut). */
    void stopImmediately() {
        run(Duration.ofSeconds(60), "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    boolean isRunning() {
        return exitCode(Duration.ofSeconds(20), "pg_ctl", "-D", data.toString(), "status") == 0;
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (isRunning()) {
                stopImmediately();
            }
        } finally {
            try {
                Files.copy(logFile, keptLog, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // only a copy of the log
            }
            deleteTree(root);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void run(Duration timeout, String tool, String... args) {
        int code = exitCode(timeout, tool, args);
        if (code != 0) {
            throw new IllegalStateException(tool + " " + String.join(" ", args) + " exited with " + code);
        }
    }

    private int exitCode(Duration timeout, String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish within " + timeout);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void chownToPostgres(Path dir) {
        if (!runningAsRoot()) {
            return;
        }
        try {
            Process process = new ProcessBuilder("chown", "postgres:postgres", dir.toString())
                    .inheritIO()
                    .start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("chown postgres " + dir + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: left for the OS to clean
        }
    }
}
