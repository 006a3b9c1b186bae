package io.aigw.bench.overhead.domain;

import java.util.List;

/**
 * Which layer of the stack a CPU sample was spent in: the first frame from the top of its stack that
 * is not the JDK's own (a {@code HashMap.get} called by Jackson is Jackson's work). A stack of JDK
 * frames only is {@link #JDK} (for example the NIO selector loop itself).
 */
public enum CpuLayer {
    AIGW("aigw (our code)", "io.aigw."),
    NETTY("Netty and Reactor Netty (HTTP, sockets, buffers)", "io.netty.", "reactor.netty."),
    REACTOR("Reactor (operators, scheduling)", "reactor."),
    SPRING("Spring (WebFlux, Cloud Gateway, Data Redis, Boot)", "org.springframework."),
    JACKSON("Jackson (JSON)", "tools.jackson.", "com.fasterxml.jackson."),
    LETTUCE("Lettuce (Redis client)", "io.lettuce."),
    MICROMETER("Micrometer (metrics, observation)", "io.micrometer.", "org.HdrHistogram."),
    JDBC("JDBC, Hikari, PostgreSQL driver", "org.postgresql.", "com.zaxxer."),
    LOGGING("Logging", "ch.qos.logback.", "org.slf4j.", "org.apache.logging."),
    OTHER("other libraries"),
    JDK("the JDK alone (collections, NIO, locks, ...)");

    private static final List<String> JDK_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private final String label;
    private final List<String> prefixes;

    CpuLayer(String label, String... prefixes) {
        this.label = label;
        this.prefixes = List.of(prefixes);
    }

    public String label() {
        return label;
    }

    /** @param frames the sample's frames, top (the running method) first, each {@code package.Class.method} */
    public static CpuLayer of(List<String> frames) {
        for (String frame : frames) {
            if (JDK_PREFIXES.stream().anyMatch(frame::startsWith)) {
                continue;
            }
            for (CpuLayer layer : values()) {
                if (layer.prefixes.stream().anyMatch(frame::startsWith)) {
                    return layer;
                }
            }
            return OTHER;
        }
        return JDK;
    }
}
