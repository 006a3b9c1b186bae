package io.aigw.launcher;

import java.nio.file.Path;
import java.time.Duration;

/** Hears how a {@link LocalStack} comes up; every method may be called from the starting thread only. */
public interface StackListener {

    /** A listener that ignores everything. */
    StackListener NONE = new StackListener() {};

    /** The embedded Redis answers PING. */
    default void redisStarted(String redisUrl, long pid) {}

    /** A child process was spawned (it is not ready yet). */
    default void serviceStarted(Service service, long pid, Path logFile) {}

    /** A child answered UP on its readiness endpoint. */
    default void serviceReady(Service service, Duration sinceStart) {}
}
