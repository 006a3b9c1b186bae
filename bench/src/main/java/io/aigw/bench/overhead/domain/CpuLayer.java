package io.aigw.bench.overhead.domain;

import java.util.List;

/**
 * Which layer of the stack a CPU sample was spent in: the first frame from the top of its stack that
 * is not the JDK's own (a {@code HashMap.get} called by Jackson is Jackson's work). A stack of JDK
 * frames only is {@link #JDK} (for example the NIO selector loop itself). Where the profiler sees
 * them (async-profiler): a sample whose top frame is the kernel's is {@link #KERNEL}; the JVM's own
 * native code counts for the Java code that called it (an interface-call stub under Reactor is
 * Reactor's), and a stack without Java code at all (the JIT compiler, the collector) is {@link #JVM}.
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
    JDK("the JDK alone (collections, NIO, locks, ...)"),
    KERNEL("the kernel (system calls, network, scheduling)"),
    JVM("the JVM's own threads (JIT compiler, collector, VM thread)");

    /** How a frame of the kernel's ends. */
    public static final String KERNEL_FRAME = "_[k]";

    /** How a frame of native code that is not the kernel's ends (the JVM's, libc's). */
    public static final String NATIVE_FRAME = "_[native]";

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
        if (frames.isEmpty()) {
            return JDK;
        }
        if (frames.get(0).endsWith(KERNEL_FRAME)) {
            return KERNEL;
        }
        boolean java = false;
        for (String frame : frames) {
            if (frame.endsWith(KERNEL_FRAME) || frame.endsWith(NATIVE_FRAME)) {
                continue;
            }
            java = true;
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
        return java ? JDK : JVM;
    }
}
