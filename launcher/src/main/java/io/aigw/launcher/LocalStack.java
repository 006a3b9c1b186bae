package io.aigw.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A running local stack: Redis (embedded unless an external one is given) and the services of a
 * {@link StackSpec}, each a child {@code java -jar} process logging to {@code <logDir>/<module>.log}.
 *
 * <p>{@link #start(StackSpec)} returns once every service answers UP on {@code
 * /actuator/health/readiness}, or stops whatever it started and throws. {@link #close()} stops the
 * children in reverse start order (SIGTERM to each process tree, SIGKILL after the grace period), then
 * Redis; it is idempotent and also runs from a JVM shutdown hook, so a test JVM that dies leaves no
 * children behind.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(StackSpec.builder(root).randomFreePorts().build())) {
 *     String base = stack.url(Service.GATEWAY) + "/v1";
 *     ...
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    private static final int LOG_LINES_ON_FAILURE = 30;

    private final StackSpec spec;
    private final StackSecrets secrets;
    private final Map<Service, Integer> ports;
    private final Map<Service, ChildProcess> children = new EnumMap<>(Service.class);
    private final ReadinessProbe probe = new ReadinessProbe();
    private final Thread shutdownHook = new Thread(this::close, "aigw-local-stack-stop");
    private EmbeddedRedis embeddedRedis;
    private String redisUrl;
    private volatile boolean closed;

    private LocalStack(StackSpec spec, StackSecrets secrets, Map<Service, Integer> ports) {
        this.spec = spec;
        this.secrets = secrets;
        this.ports = Collections.unmodifiableMap(ports);
    }

    /**
     * Starts Redis (if needed) and every service of the spec, and waits until all are ready.
     *
     * @throws StackStartException when a jar is missing, a fixed port is taken, a child exits early or
     *     the health timeout passes; the message names the service and quotes the end of its log, and
     *     everything started so far has been stopped
     */
    public static LocalStack start(StackSpec spec) {
        requireJars(spec);
        requireFixedPortsFree(spec);
        Map<Service, Integer> ports = resolvePorts(spec);
        LocalStack stack = new LocalStack(spec, StackSecrets.resolve(spec), ports);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    /** Every jar of the spec that does not exist, in start order. */
    public static List<Path> missingJars(StackSpec spec) {
        return spec.services().stream()
                .map(service -> service.jar(spec.projectRoot()))
                .filter(jar -> !Files.isRegularFile(jar))
                .toList();
    }

    /** The base URL of a service, e.g. {@code http://127.0.0.1:8080}. */
    public String url(Service service) {
        return ChildEnvironment.baseUrl(port(service));
    }

    /** The port a service listens on. */
    public int port(Service service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException(service.moduleName() + " is not part of this stack");
        }
        return port;
    }

    /** The PID of a service's current (or last) process. */
    public synchronized long pid(Service service) {
        return child(service).pid();
    }

    /** Whether a service's process is alive (it may not be ready). */
    public synchronized boolean isRunning(Service service) {
        return child(service).isAlive();
    }

    /** The services of this stack, in start order. */
    public List<Service> services() {
        return spec.services();
    }

    /** The Redis URL every service got. */
    public String redisUrl() {
        return redisUrl;
    }

    /** The PID of the embedded Redis; empty when the stack uses an external one. */
    public synchronized OptionalLong redisPid() {
        return embeddedRedis == null ? OptionalLong.empty() : OptionalLong.of(embeddedRedis.pid());
    }

    /** The shared internal secret every service got in {@code AIGW_INTERNAL_TOKEN}. */
    public String internalToken() {
        return secrets.internalToken();
    }

    /** The gateway key every service got in {@code AIGW_DEMO_KEY}. */
    public String demoKey() {
        return secrets.demoKey();
    }

    /** Where a service logs: {@code <logDir>/<module>.log}. */
    public Path logFile(Service service) {
        return spec.logDirectory().resolve(service.moduleName() + ".log");
    }

    /** The spec this stack was started from. */
    public StackSpec spec() {
        return spec;
    }

    /** Stops one service (its process tree: SIGTERM, SIGKILL after the grace period); for fault tests. */
    public void stop(Service service) {
        ChildProcess child;
        synchronized (this) {
            child = child(service);
        }
        child.stop(spec.stopGrace());
    }

    /**
     * Stops a service if it runs and starts it again on the same port with the same environment,
     * appending to its log; returns once it is ready.
     *
     * @throws StackStartException when it does not become ready; it is then stopped, the rest keeps running
     */
    public void restart(Service service) {
        ChildProcess child;
        synchronized (this) {
            requireOpen();
            child = child(service);
        }
        child.stop(spec.stopGrace());
        synchronized (this) {
            requireOpen();
            child.start(true);
        }
        spec.listener().serviceStarted(service, child.pid(), child.logFile());
        try {
            awaitReady(EnumSet.of(service));
        } catch (RuntimeException e) {
            child.stop(spec.stopGrace());
            throw e;
        }
    }

    /**
     * Kills the embedded Redis with SIGKILL, as a crash would; for fault tests. The services keep
     * running and see their connections drop.
     *
     * @throws IllegalStateException when the stack uses an external Redis
     */
    public void killRedis() {
        EmbeddedRedis redis;
        synchronized (this) {
            requireOpen();
            redis = requireEmbeddedRedis();
        }
        redis.kill();
    }

    /**
     * Starts the embedded Redis again on the same port after {@link #killRedis()}, empty (it keeps
     * nothing on disk), and returns once it answers {@code PING}; for fault tests.
     *
     * @throws IllegalStateException when the stack uses an external Redis or its Redis still runs
     */
    public void startRedisAgain() {
        int port;
        synchronized (this) {
            requireOpen();
            EmbeddedRedis old = requireEmbeddedRedis();
            if (old.isAlive()) {
                throw new IllegalStateException("the embedded Redis still runs (pid " + old.pid() + ")");
            }
            port = old.port();
        }
        EmbeddedRedis redis = EmbeddedRedis.start(port, spec.logDirectory().resolve("redis.log"), true);
        synchronized (this) {
            embeddedRedis = redis;
            if (closed) {
                redis.stop(spec.stopGrace());
                requireOpen();
            }
        }
        spec.listener().redisStarted(redisUrl, redis.pid());
    }

    private EmbeddedRedis requireEmbeddedRedis() {
        if (embeddedRedis == null) {
            throw new IllegalStateException("this stack uses an external Redis: " + redisUrl);
        }
        return embeddedRedis;
    }

    /** Stops every child in reverse start order, then the embedded Redis. Idempotent. */
    @Override
    public void close() {
        List<ChildProcess> toStop;
        EmbeddedRedis redis;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = new ArrayList<>();
            List<Service> reverse = new ArrayList<>(spec.services());
            Collections.reverse(reverse);
            for (Service service : reverse) {
                ChildProcess child = children.get(service);
                if (child != null) {
                    toStop.add(child);
                }
            }
            redis = embeddedRedis;
        }
        toStop.forEach(child -> child.stop(spec.stopGrace()));
        if (redis != null) {
            redis.stop(spec.stopGrace());
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook finds the stack closed
            }
        }
    }

    private void startAll() {
        try {
            Files.createDirectories(spec.logDirectory());
        } catch (IOException e) {
            throw new StackStartException("cannot create the log directory " + spec.logDirectory(), e);
        }
        snapshotJars();
        startRedis();
        for (Service service : spec.services()) {
            ChildProcess child;
            synchronized (this) {
                requireOpen();
                Map<String, String> env = ChildEnvironment.compose(spec, service, ports, redisUrl, secrets);
                child = new ChildProcess(service, ChildProcess.command(spec, service), env, logFile(service));
                children.put(service, child);
                child.start(false);
            }
            spec.listener().serviceStarted(service, child.pid(), child.logFile());
        }
        awaitReady(EnumSet.copyOf(spec.services()));
    }

    private void snapshotJars() {
        if (spec.jarSnapshotDirectory().isEmpty()) {
            return;
        }
        Path directory = spec.jarSnapshotDirectory().get();
        try {
            Files.createDirectories(directory);
            for (Service service : spec.services()) {
                Path target = spec.runJar(service);
                Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
                Files.copy(service.jar(spec.projectRoot()), tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new StackStartException("cannot copy the service jars to " + directory + ": " + e.getMessage(), e);
        }
    }

    private void startRedis() {
        var external = spec.externalRedisUrl();
        if (external.isPresent()) {
            redisUrl = external.get();
            return;
        }
        int port = spec.embeddedRedisPort();
        if (port == StackSpec.RANDOM_PORT) {
            port = FreePorts.pick(ports.values());
        } else if (!FreePorts.isFree(port)) {
            throw portInUse(port, "the embedded Redis");
        }
        EmbeddedRedis redis = EmbeddedRedis.start(port, spec.logDirectory().resolve("redis.log"));
        synchronized (this) {
            embeddedRedis = redis;
            redisUrl = redis.url();
            if (closed) { // closed while Redis was coming up
                redis.stop(spec.stopGrace());
                requireOpen();
            }
        }
        spec.listener().redisStarted(redisUrl, redis.pid());
    }

    /** Polls every pending service until all are ready, one exits, or the health timeout passes. */
    private void awaitReady(Set<Service> pending) {
        long deadline = System.nanoTime() + spec.healthTimeout().toNanos();
        while (!pending.isEmpty()) {
            for (Service service : List.copyOf(pending)) {
                requireOpen();
                ChildProcess child = child(service);
                if (!child.isAlive()) {
                    throw new StackStartException(
                            service.moduleName() + " exited with code " + child.exitCode() + " before it was ready\n"
                                    + LogTail.describe(child.logFile(), LOG_LINES_ON_FAILURE),
                            service);
                }
                if (probe.isReady(url(service))) {
                    pending.remove(service);
                    spec.listener().serviceReady(service, Duration.between(child.startedAt(), Instant.now()));
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw timeout(pending);
            }
            sleep(spec.pollInterval());
        }
    }

    private StackStartException timeout(Collection<Service> pending) {
        String names = pending.stream().map(Service::moduleName).collect(Collectors.joining(", "));
        StringBuilder message = new StringBuilder(names)
                .append(pending.size() == 1 ? " was" : " were")
                .append(" not ready (UP on ")
                .append(ReadinessProbe.PATH)
                .append(") within ")
                .append(spec.healthTimeout().toSeconds())
                .append(" s");
        for (Service service : pending) {
            message.append('\n').append(LogTail.describe(logFile(service), LOG_LINES_ON_FAILURE));
        }
        return new StackStartException(message.toString(), pending.iterator().next());
    }

    private void requireOpen() {
        if (closed) {
            throw new StackStartException("the stack was stopped");
        }
    }

    private synchronized ChildProcess child(Service service) {
        ChildProcess child = children.get(service);
        if (child == null) {
            throw new IllegalArgumentException(service.moduleName() + " is not part of this stack");
        }
        return child;
    }

    private static void requireJars(StackSpec spec) {
        List<Path> missing = missingJars(spec);
        if (!missing.isEmpty()) {
            throw new StackStartException("missing service jars:\n"
                    + missing.stream().map(jar -> "  " + jar).collect(Collectors.joining("\n"))
                    + "\nbuild them first: cd " + spec.projectRoot()
                    + " && ./mvnw -B -DskipTests -Dspotless.check.skip=true package   (./aigw run does this for you)");
        }
    }

    /**
     * Fails fast, naming the port, when a fixed port of the spec (a service's, or the embedded Redis')
     * is in use.
     */
    public static void requireFixedPortsFree(StackSpec spec) {
        for (Service service : spec.services()) {
            int port = spec.port(service);
            if (port != StackSpec.RANDOM_PORT && !FreePorts.isFree(port)) {
                throw portInUse(port, service.moduleName());
            }
        }
        int redisPort = spec.embeddedRedisPort();
        if (spec.externalRedisUrl().isEmpty() && redisPort != StackSpec.RANDOM_PORT && !FreePorts.isFree(redisPort)) {
            throw portInUse(redisPort, "the embedded Redis");
        }
    }

    /** Fixed ports must be free now; random ones are picked distinct from each other and the fixed ones. */
    static Map<Service, Integer> resolvePorts(StackSpec spec) {
        Map<Service, Integer> resolved = new EnumMap<>(Service.class);
        for (Service service : spec.services()) {
            int port = spec.port(service);
            if (port != StackSpec.RANDOM_PORT) {
                if (!FreePorts.isFree(port)) {
                    throw portInUse(port, service.moduleName());
                }
                resolved.put(service, port);
            }
        }
        for (Service service : spec.services()) {
            if (spec.port(service) == StackSpec.RANDOM_PORT) {
                List<Integer> taken = new ArrayList<>(resolved.values());
                if (spec.embeddedRedisPort() != StackSpec.RANDOM_PORT) {
                    taken.add(spec.embeddedRedisPort());
                }
                resolved.put(service, FreePorts.pick(taken));
            }
        }
        return resolved;
    }

    private static StackStartException portInUse(int port, String owner) {
        return new StackStartException("port " + port + " (" + owner + ") is already in use on 127.0.0.1."
                + " Another stack may be running: stop it with ./aigw stop, or free the port.");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while waiting for the services to be ready", e);
        }
    }
}
