package io.aigw.api.runtime;

import java.util.Properties;

/**
 * Sizes Reactor Netty's event loops to the cores the JVM may use (ADR 0041).
 *
 * <p>Reactor Netty starts {@code max(cores, 4)} loops, so on a 2-core machine or a pod limited to
 * one or two CPUs every service runs at least twice its cores in busy threads, and a request's
 * server and client halves wake different threads. Two loops instead of four measured 7 % less CPU
 * per request on two cores, one per JVM of the whole stack 15–20 % (ADR 0041,
 * docs/benchmarks/overhead.md). The property is read once, when Reactor
 * Netty's {@code LoopResources} is first loaded, so this runs first thing in {@code main}. A value
 * the operator set ({@code -Dreactor.netty.ioWorkerCount=N}) is left alone.
 */
public final class EventLoops {

    /** Reactor Netty's own property; it reads nothing else for the loop count. */
    public static final String IO_WORKER_COUNT = "reactor.netty.ioWorkerCount";

    private EventLoops() {}

    /** Sets the loop count of this JVM to its available processors unless it is set already. */
    public static void sizeToCores() {
        sizeToCores(System.getProperties(), Runtime.getRuntime().availableProcessors());
    }

    static void sizeToCores(Properties properties, int cores) {
        String configured = properties.getProperty(IO_WORKER_COUNT);
        if (configured == null || configured.isBlank()) {
            properties.setProperty(IO_WORKER_COUNT, Integer.toString(Math.max(1, cores)));
        }
    }
}
