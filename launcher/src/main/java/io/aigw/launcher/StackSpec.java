package io.aigw.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to start: an immutable description of a local stack, built by {@link #builder(Path)}.
 *
 * <p>Values come from three places, strongest first: what the builder was told, the {@linkplain
 * Builder#baseEnvironment(Map) base environment} (by default the launcher's own: {@code AIGW_REDIS_URL},
 * {@code AIGW_INTERNAL_TOKEN}, {@code AIGW_DEMO_KEY}, {@code AIGW_JAVA_OPTS}), and defaults. Secrets
 * that neither gives are generated per {@link LocalStack#start(StackSpec) start}.
 */
public final class StackSpec {

    /**
     * JVM options for every child unless {@code AIGW_JAVA_OPTS} or {@link Builder#javaOpts} says
     * otherwise: a 256 MB heap, the serial collector, and the machine's cores shared out as Reactor
     * Netty event loops ({@link #sharedEventLoops}).
     */
    public static final List<String> DEFAULT_JAVA_OPTS =
            defaultJavaOpts(Runtime.getRuntime().availableProcessors());
    /** How long {@link LocalStack#start} waits for every service to report UP unless told otherwise. */
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(120);
    /** How long a child gets between SIGTERM and SIGKILL unless told otherwise. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);
    /** A port value meaning "pick a free one at start". */
    public static final int RANDOM_PORT = 0;

    private final Path projectRoot;
    private final List<Service> services;
    private final Map<Service, Integer> ports;
    private final String redisUrl;
    private final boolean forceEmbeddedRedis;
    private final int embeddedRedisPort;
    private final Map<String, String> commonEnv;
    private final Map<Service, Map<String, String>> extraEnv;
    private final Map<Service, List<String>> extraArgs;
    private final Path logDirectory;
    private final Path jarSnapshotDirectory;
    private final Duration healthTimeout;
    private final Duration pollInterval;
    private final Duration stopGrace;
    private final List<String> javaOpts;
    private final String internalToken;
    private final String demoKey;
    private final Map<String, String> baseEnvironment;
    private final Path javaExecutable;
    private final StackListener listener;

    private StackSpec(Builder b) {
        this.projectRoot = b.projectRoot;
        List<Service> ordered = new ArrayList<>(Service.startOrder());
        ordered.retainAll(b.services);
        this.services = List.copyOf(ordered);
        this.ports = Collections.unmodifiableMap(new EnumMap<>(b.ports));
        this.redisUrl = b.redisUrl;
        this.forceEmbeddedRedis = b.forceEmbeddedRedis;
        this.embeddedRedisPort = b.embeddedRedisPort;
        this.commonEnv = Map.copyOf(b.commonEnv);
        Map<Service, Map<String, String>> env = new EnumMap<>(Service.class);
        b.extraEnv.forEach((service, values) -> env.put(service, Map.copyOf(values)));
        this.extraEnv = Collections.unmodifiableMap(env);
        Map<Service, List<String>> args = new EnumMap<>(Service.class);
        b.extraArgs.forEach((service, values) -> args.put(service, List.copyOf(values)));
        this.extraArgs = Collections.unmodifiableMap(args);
        this.logDirectory = b.logDirectory != null
                ? b.logDirectory
                : projectRoot.resolve(".run").resolve("logs");
        this.jarSnapshotDirectory = b.jarSnapshotDirectory;
        this.healthTimeout = b.healthTimeout;
        this.pollInterval = b.pollInterval;
        this.stopGrace = b.stopGrace;
        this.javaOpts = b.javaOpts == null ? null : List.copyOf(b.javaOpts);
        this.internalToken = b.internalToken;
        this.demoKey = b.demoKey;
        this.baseEnvironment = Map.copyOf(b.baseEnvironment);
        this.javaExecutable = b.javaExecutable != null ? b.javaExecutable : currentJava();
        this.listener = b.listener;
    }

    /** A builder for a stack whose jars live below {@code projectRoot}. */
    public static Builder builder(Path projectRoot) {
        return new Builder(projectRoot);
    }

    /** The project root below which {@link Service#jar(Path)} finds the jars. */
    public Path projectRoot() {
        return projectRoot;
    }

    /** The services to start, in start order. */
    public List<Service> services() {
        return services;
    }

    /** The configured port of a service; {@link #RANDOM_PORT} means a free one is picked at start. */
    public int port(Service service) {
        return ports.getOrDefault(service, service.defaultPort());
    }

    /**
     * The Redis every service uses, when it is not the embedded one: the builder's URL, else {@code
     * AIGW_REDIS_URL} from the base environment; empty means "start an embedded Redis".
     */
    public Optional<String> externalRedisUrl() {
        if (redisUrl != null) {
            return Optional.of(redisUrl);
        }
        if (forceEmbeddedRedis) {
            return Optional.empty();
        }
        return Optional.ofNullable(blankToNull(baseEnvironment.get(EnvNames.REDIS_URL)));
    }

    /** The port of the embedded Redis; {@link #RANDOM_PORT} (the default) means a free one. */
    public int embeddedRedisPort() {
        return embeddedRedisPort;
    }

    /** Variables set on every child after the contract variables (so they may override them). */
    public Map<String, String> commonEnv() {
        return commonEnv;
    }

    /** Variables set on one child after everything else. */
    public Map<String, String> extraEnv(Service service) {
        return extraEnv.getOrDefault(service, Map.of());
    }

    /** Program arguments appended after {@code -jar <jar>}, e.g. {@code --logging.level.root=debug}. */
    public List<String> extraArgs(Service service) {
        return extraArgs.getOrDefault(service, List.of());
    }

    /** Where {@code <module>.log} (and {@code redis.log}) go; default {@code <root>/.run/logs}. */
    public Path logDirectory() {
        return logDirectory;
    }

    /**
     * The jar a service runs from: a copy in the {@linkplain Builder#jarSnapshotDirectory snapshot
     * directory} when one is set, else the build output.
     */
    public Path runJar(Service service) {
        Path built = service.jar(projectRoot);
        return jarSnapshotDirectory == null ? built : jarSnapshotDirectory.resolve(built.getFileName());
    }

    /** Where jars are copied before they run, if anywhere. */
    public Optional<Path> jarSnapshotDirectory() {
        return Optional.ofNullable(jarSnapshotDirectory);
    }

    /** How long to wait for every service to answer UP on its readiness endpoint. */
    public Duration healthTimeout() {
        return healthTimeout;
    }

    /** The pause between two rounds of readiness probes. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** How long a child gets between SIGTERM and SIGKILL. */
    public Duration stopGrace() {
        return stopGrace;
    }

    static List<String> defaultJavaOpts(int cores) {
        // the property the services' EventLoops reads (api-types); set here, it wins over their own
        // default of one loop per core
        return List.of(
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Dreactor.netty.ioWorkerCount=" + sharedEventLoops(cores, Service.values().length));
    }

    /**
     * Event loops per JVM when {@code jvms} share {@code cores}: the local stack runs every service on
     * one machine, and one loop per core in each would put several busy threads on every core (ADR
     * 0041; on two cores, one loop per JVM measured 15 % less CPU per request than Reactor Netty's
     * four, docs/benchmarks/overhead.md).
     */
    static int sharedEventLoops(int cores, int jvms) {
        return Math.max(1, cores / Math.max(1, jvms));
    }

    /** The JVM options: the builder's, else {@code AIGW_JAVA_OPTS} split on blanks, else the defaults. */
    public List<String> javaOpts() {
        if (javaOpts != null) {
            return javaOpts;
        }
        String fromEnv = blankToNull(baseEnvironment.get(EnvNames.JAVA_OPTS));
        if (fromEnv != null) {
            return List.of(fromEnv.trim().split("\\s+"));
        }
        return DEFAULT_JAVA_OPTS;
    }

    /** The internal token given to the builder or in the base environment, if any. */
    public Optional<String> internalToken() {
        return Optional.ofNullable(
                internalToken != null ? internalToken : blankToNull(baseEnvironment.get(EnvNames.INTERNAL_TOKEN)));
    }

    /** The demo gateway key given to the builder or in the base environment, if any. */
    public Optional<String> demoKey() {
        return Optional.ofNullable(demoKey != null ? demoKey : blankToNull(baseEnvironment.get(EnvNames.DEMO_KEY)));
    }

    /** The environment every child inherits before the contract variables are laid over it. */
    public Map<String, String> baseEnvironment() {
        return baseEnvironment;
    }

    /** The {@code java} binary that runs the children; by default the one running this code. */
    public Path javaExecutable() {
        return javaExecutable;
    }

    /** Who hears about progress. */
    public StackListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        // no secrets and no environment here: both may hold credentials
        return "StackSpec[root=" + projectRoot + ", services=" + services + ", ports=" + ports + ", logs="
                + logDirectory + ", healthTimeout=" + healthTimeout + "]";
    }

    static Path currentJava() {
        Optional<String> command = ProcessHandle.current().info().command();
        if (command.isPresent()
                && Path.of(command.get()).getFileName().toString().startsWith("java")) {
            return Path.of(command.get());
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Builds a {@link StackSpec}; {@link #build()} rejects bad values and names them. */
    public static final class Builder {
        private final Path projectRoot;
        private final Set<Service> services = EnumSet.allOf(Service.class);
        private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
        private String redisUrl;
        private boolean forceEmbeddedRedis;
        private int embeddedRedisPort = RANDOM_PORT;
        private final Map<String, String> commonEnv = new LinkedHashMap<>();
        private final Map<Service, Map<String, String>> extraEnv = new EnumMap<>(Service.class);
        private final Map<Service, List<String>> extraArgs = new EnumMap<>(Service.class);
        private Path logDirectory;
        private Path jarSnapshotDirectory;
        private Duration healthTimeout = DEFAULT_HEALTH_TIMEOUT;
        private Duration pollInterval = Duration.ofMillis(250);
        private Duration stopGrace = DEFAULT_STOP_GRACE;
        private List<String> javaOpts;
        private String internalToken;
        private String demoKey;
        private Map<String, String> baseEnvironment = System.getenv();
        private Path javaExecutable;
        private StackListener listener = StackListener.NONE;

        private Builder(Path projectRoot) {
            this.projectRoot = Objects.requireNonNull(projectRoot, "projectRoot")
                    .toAbsolutePath()
                    .normalize();
        }

        /** Only these services (default: all six). They still start in {@link Service#startOrder()}. */
        public Builder services(Service... selected) {
            return services(Arrays.asList(selected));
        }

        /** Only these services (default: all six). */
        public Builder services(Collection<Service> selected) {
            if (selected.isEmpty()) {
                throw new IllegalArgumentException("services must not be empty");
            }
            services.clear();
            services.addAll(selected);
            return this;
        }

        /** A fixed port for one service, or {@link #RANDOM_PORT}. */
        public Builder port(Service service, int port) {
            ports.put(Objects.requireNonNull(service, "service"), requirePort(port, service.moduleName()));
            return this;
        }

        /** Pick free ports at start for every service that has no explicit port; for tests. */
        public Builder randomFreePorts() {
            for (Service service : Service.values()) {
                ports.putIfAbsent(service, RANDOM_PORT);
            }
            if (!forceEmbeddedRedis && redisUrl == null) {
                embeddedRedisPort = RANDOM_PORT;
            }
            return this;
        }

        /** Use this Redis ({@code redis://} or {@code rediss://}) and start no embedded one. */
        public Builder redisUrl(String url) {
            Objects.requireNonNull(url, "redisUrl");
            if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
                throw new IllegalArgumentException("redisUrl must start with redis:// or rediss://");
            }
            this.redisUrl = url;
            this.forceEmbeddedRedis = false;
            return this;
        }

        /** Start an embedded Redis even when the base environment names one in {@code AIGW_REDIS_URL}. */
        public Builder embeddedRedis() {
            this.redisUrl = null;
            this.forceEmbeddedRedis = true;
            return this;
        }

        /** The port of the embedded Redis (default: a free one; never 6379, where a system Redis may run). */
        public Builder embeddedRedisPort(int port) {
            this.embeddedRedisPort = requirePort(port, "embedded Redis");
            return this;
        }

        /** One variable for every child, set after the contract variables. */
        public Builder env(String name, String value) {
            commonEnv.put(requireName(name), Objects.requireNonNull(value, name));
            return this;
        }

        /** One variable for one child, set after everything else. */
        public Builder env(Service service, String name, String value) {
            extraEnv.computeIfAbsent(service, s -> new LinkedHashMap<>())
                    .put(requireName(name), Objects.requireNonNull(value, name));
            return this;
        }

        /** Program arguments for one child, appended after {@code -jar <jar>}. */
        public Builder args(Service service, String... args) {
            extraArgs.computeIfAbsent(service, s -> new ArrayList<>()).addAll(Arrays.asList(args));
            return this;
        }

        /** Where the logs go (default {@code <root>/.run/logs}). */
        public Builder logDirectory(Path directory) {
            this.logDirectory =
                    Objects.requireNonNull(directory, "logDirectory").toAbsolutePath();
            return this;
        }

        /**
         * Copy the jars here at start and run the copies, so that a rebuild ({@code mvn package}) while
         * the stack runs cannot pull classes out from under a running service (default: run in place).
         */
        public Builder jarSnapshotDirectory(Path directory) {
            this.jarSnapshotDirectory =
                    Objects.requireNonNull(directory, "jarSnapshotDirectory").toAbsolutePath();
            return this;
        }

        /** How long to wait for readiness (default 120 s). */
        public Builder healthTimeout(Duration timeout) {
            this.healthTimeout = requirePositive(timeout, "healthTimeout");
            return this;
        }

        /** The pause between readiness probes (default 250 ms). */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = requirePositive(interval, "pollInterval");
            return this;
        }

        /** How long a child gets between SIGTERM and SIGKILL (default 10 s). */
        public Builder stopGrace(Duration grace) {
            this.stopGrace = requirePositive(grace, "stopGrace");
            return this;
        }

        /** JVM options for every child, replacing the defaults and {@code AIGW_JAVA_OPTS}. */
        public Builder javaOpts(List<String> options) {
            this.javaOpts = List.copyOf(options);
            return this;
        }

        /** The shared internal secret (default: {@code AIGW_INTERNAL_TOKEN}, else generated). */
        public Builder internalToken(String token) {
            this.internalToken = requireSecret(token, "internalToken");
            return this;
        }

        /** The demo gateway key (default: {@code AIGW_DEMO_KEY}, else generated). */
        public Builder demoKey(String key) {
            this.demoKey = requireSecret(key, "demoKey");
            return this;
        }

        /** The environment children inherit and {@code AIGW_*} defaults are read from (default: ours). */
        public Builder baseEnvironment(Map<String, String> environment) {
            this.baseEnvironment = Map.copyOf(environment);
            return this;
        }

        /** The {@code java} binary for the children (default: the one running this code). */
        public Builder javaExecutable(Path java) {
            this.javaExecutable = Objects.requireNonNull(java, "javaExecutable");
            return this;
        }

        /** Who hears about progress (default: nobody). */
        public Builder listener(StackListener stackListener) {
            this.listener = Objects.requireNonNull(stackListener, "listener");
            return this;
        }

        /** The spec; rejects two services (or a service and the embedded Redis) on the same fixed port. */
        public StackSpec build() {
            Set<Integer> taken = new HashSet<>();
            for (Service service : services) {
                int port = ports.getOrDefault(service, service.defaultPort());
                if (port != RANDOM_PORT && !taken.add(port)) {
                    throw new IllegalArgumentException(
                            "port " + port + " is given to more than one service (" + service.moduleName() + ")");
                }
            }
            boolean embedded = redisUrl == null;
            if (embedded && embeddedRedisPort != RANDOM_PORT && taken.contains(embeddedRedisPort)) {
                throw new IllegalArgumentException(
                        "embedded Redis port " + embeddedRedisPort + " is also a service port");
            }
            return new StackSpec(this);
        }

        private static int requirePort(int port, String what) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port of " + what + " must be 0..65535, was " + port);
            }
            return port;
        }

        private static String requireName(String name) {
            if (name == null || name.isEmpty() || name.contains("=")) {
                throw new IllegalArgumentException("bad environment variable name: " + name);
            }
            return name;
        }

        private static String requireSecret(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        private static Duration requirePositive(Duration value, String what) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive, was " + value);
            }
            return value;
        }
    }
}
