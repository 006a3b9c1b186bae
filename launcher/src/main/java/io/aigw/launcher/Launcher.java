package io.aigw.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one-command local run: {@code java -jar launcher-<version>-exec.jar run [projectRoot]}.
 *
 * <p>Starts an embedded Redis on 6390 (unless {@code AIGW_REDIS_URL} names one) and every service on
 * its shared/DESIGN.md port, logs to {@code <root>/.run/logs/}, writes {@code <root>/.run/launcher.pid}
 * and {@code <root>/.run/pids}, prints where to send requests, and blocks. Ctrl-C or SIGTERM stops the
 * stack and removes the PID files.
 */
public final class Launcher {

    /** The port of the embedded Redis in the one-command run; not 6379, where a system Redis may run. */
    public static final int EMBEDDED_REDIS_PORT = 6390;

    static final String STOP_COMMAND = "./aigw stop";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final AtomicReference<LocalStack> running = new AtomicReference<>();
    private volatile boolean stopping;

    Launcher(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        int code = new Launcher(System.out, System.err, System.getenv()).execute(args);
        System.exit(code);
    }

    /** Runs a command; {@code run} returns only on failure (or when interrupted). */
    int execute(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "run":
                if (args.length > 2) {
                    return usageError("run takes at most one argument, the project root");
                }
                return run(Path.of(args.length == 2 ? args[1] : "."));
            case "help":
            case "-h":
            case "--help":
                out.print(usage());
                return 0;
            default:
                return usageError("unknown command: " + command);
        }
    }

    static String usage() {
        return String.join(
                "\n",
                "usage: java -jar launcher-" + Service.VERSION + "-exec.jar [run [PROJECT_ROOT]]",
                "",
                "  run    start Redis and every service from PROJECT_ROOT (default: the current directory),",
                "         wait until all are ready, print how to call the gateway, and block until Ctrl-C",
                "  help   this text",
                "",
                "environment: AIGW_REDIS_URL (use this Redis instead of an embedded one), AIGW_JAVA_OPTS,",
                "             AIGW_INTERNAL_TOKEN, AIGW_DEMO_KEY (generated when absent), AIGW_SHARED_DATA",
                "");
    }

    private int usageError(String message) {
        err.println("aigw: " + message);
        err.print(usage());
        return 2;
    }

    private int run(Path rootArgument) {
        Path root = rootArgument.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml"))
                || !Files.isDirectory(root.resolve(Service.GATEWAY.moduleName()))) {
            err.println("aigw: " + root + " is not the AI gateway project root (no pom.xml and "
                    + Service.GATEWAY.moduleName() + "/ there); pass the root as an argument");
            return 1;
        }
        StackSpec spec = spec(root);
        List<Path> missing = LocalStack.missingJars(spec);
        if (!missing.isEmpty()) {
            err.println("aigw: these jars are missing:");
            missing.forEach(jar -> err.println("  " + root.relativize(jar)));
            err.println(
                    "build them with:  cd " + root + " && ./mvnw -B -DskipTests -Dspotless.check.skip=true package");
            err.println("(or use ./aigw run, which builds what is missing)");
            return 1;
        }
        long self = ProcessHandle.current().pid();
        RunFiles runFiles = new RunFiles(root.resolve(".run"));
        Optional<Long> other = runFiles.liveOtherLauncher(self);
        if (other.isPresent()) {
            err.println("aigw: another launcher (pid " + other.get() + ") is running this project; stop it with "
                    + STOP_COMMAND);
            return 1;
        }
        try {
            LocalStack.requireFixedPortsFree(spec);
        } catch (StackStartException e) {
            err.println("aigw: " + e.getMessage());
            return 1;
        }
        // only now the files are ours: a refused second launcher must not remove the first one's
        runFiles.writeLauncherPid(self);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(runFiles, self), "aigw-launcher-stop"));

        out.println("Starting the AI gateway from " + root);
        out.println("  Redis: "
                + spec.externalRedisUrl()
                        .map(RedisUrls::redact)
                        .orElse("embedded on 127.0.0.1:" + EMBEDDED_REDIS_PORT));
        out.println("  JVM options: " + String.join(" ", spec.javaOpts()));
        out.println("  logs: " + spec.logDirectory());
        LocalStack stack;
        try {
            stack = LocalStack.start(spec);
        } catch (StackStartException e) {
            if (!stopping) {
                err.println();
                err.println("aigw: " + e.getMessage());
                runFiles.deleteIfOwnedBy(self);
            }
            return 1;
        }
        running.set(stack);
        if (stopping) { // a signal came while the last service got ready
            stack.close();
            return 1;
        }
        writePids(runFiles, stack);
        out.print(ReadyBanner.of(stack, STOP_COMMAND).render());
        out.flush();
        watchForUnexpectedExits(stack);
        try {
            new CountDownLatch(1).await(); // the shutdown hook ends the process
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    StackSpec spec(Path root) {
        StackSpec.Builder builder = StackSpec.builder(root)
                .baseEnvironment(environment)
                .logDirectory(root.resolve(".run").resolve("logs"))
                .jarSnapshotDirectory(root.resolve(".run").resolve("jars"))
                .embeddedRedisPort(EMBEDDED_REDIS_PORT)
                .listener(new ProgressPrinter(out, new RunFiles(root.resolve(".run"))));
        return builder.build();
    }

    private void shutdown(RunFiles runFiles, long self) {
        stopping = true;
        LocalStack stack = running.get();
        if (stack != null) {
            out.println("\nStopping the AI gateway...");
            stack.close();
            out.println("Stopped.");
        }
        // while start() is still running, LocalStack's own hook stops what it started
        runFiles.deleteIfOwnedBy(self);
    }

    private void writePids(RunFiles runFiles, LocalStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        stack.redisPid().ifPresent(pid -> pids.put("redis", pid));
        stack.services().forEach(service -> pids.put(service.moduleName(), stack.pid(service)));
        runFiles.writePids(pids);
    }

    private void watchForUnexpectedExits(LocalStack stack) {
        for (Service service : stack.services()) {
            ProcessHandle.of(stack.pid(service))
                    .ifPresent(handle -> handle.onExit().thenRun(() -> {
                        if (!stopping) {
                            err.println("aigw: " + service.moduleName() + " (pid " + handle.pid() + ") has exited; see "
                                    + stack.logFile(service));
                        }
                    }));
        }
    }

    /** Prints progress and keeps {@code .run/pids} current while the stack comes up. */
    private static final class ProgressPrinter implements StackListener {
        private final PrintStream out;
        private final RunFiles runFiles;
        private final Map<String, Long> pids = new LinkedHashMap<>();

        ProgressPrinter(PrintStream out, RunFiles runFiles) {
            this.out = out;
            this.runFiles = runFiles;
        }

        @Override
        public void redisStarted(String redisUrl, long pid) {
            pids.put("redis", pid);
            runFiles.writePids(pids);
            out.println("  started redis                (pid " + pid + ") " + RedisUrls.redact(redisUrl));
        }

        @Override
        public void serviceStarted(Service service, long pid, Path logFile) {
            pids.put(service.moduleName(), pid);
            runFiles.writePids(pids);
            out.printf("  started %-20s (pid %d)%n", service.moduleName(), pid);
        }

        @Override
        public void serviceReady(Service service, Duration sinceStart) {
            out.printf(
                    Locale.ROOT,
                    "  ready   %-20s after %.1f s%n",
                    service.moduleName(),
                    sinceStart.toMillis() / 1000.0);
        }
    }
}
