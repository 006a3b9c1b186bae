package io.aigw.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process and everything it started: SIGTERM to all, a grace period, then SIGKILL. */
final class ProcessTree {

    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private ProcessTree() {}

    /** Returns once the process and its descendants are gone (or {@code grace} + 5 s have passed). */
    static void terminate(ProcessHandle root, Duration grace) {
        // descendants first collected: once the root is gone they are re-parented and unreachable
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        awaitExit(tree, grace);
        List<ProcessHandle> survivors =
                tree.stream().filter(ProcessHandle::isAlive).toList();
        survivors.forEach(ProcessHandle::destroyForcibly);
        awaitExit(survivors, AFTER_KILL);
    }

    private static void awaitExit(List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : handles) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
