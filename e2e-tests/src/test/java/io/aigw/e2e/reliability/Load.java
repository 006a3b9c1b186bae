package io.aigw.e2e.reliability;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Closed-loop load: a number of virtual users, each sending its next request as soon as the last one
 * ended, until {@link #stop()}. Every outcome is kept with its timestamps, so a test can split them
 * into the phases it marked with {@link System#nanoTime()}.
 */
final class Load implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<Thread> users = new ArrayList<>();

    private Load(int users, LongFunction<Gateway.Ask> next) {
        for (int i = 0; i < users; i++) {
            Thread user = new Thread(
                    () -> {
                        while (running.get()) {
                            outcomes.add(Gateway.chat(next.apply(sequence.getAndIncrement())));
                        }
                    },
                    "reliability-user-" + i);
            user.setDaemon(true);
            this.users.add(user);
        }
        this.users.forEach(Thread::start);
    }

    /** Starts {@code users} virtual users; request {@code n} (0, 1, …) is {@code next.apply(n)}. */
    static Load start(int users, LongFunction<Gateway.Ask> next) {
        return new Load(users, next);
    }

    /** Outcomes so far. */
    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    long count(Predicate<Outcome> which) {
        return outcomes.stream().filter(which).count();
    }

    /** Stops sending, waits for the requests in flight, and returns every outcome. */
    List<Outcome> stop() {
        running.set(false);
        for (Thread user : users) {
            try {
                user.join(TimeUnit.SECONDS.toMillis(Gateway.REQUEST_TIMEOUT.toSeconds() + 10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return outcomes();
    }

    @Override
    public void close() {
        stop();
    }

    /** Lets the load run on its own threads for a phase; this thread only marks the phase's end. */
    static void sleepUnderLoad(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        await().atMost(duration.plusSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> System.nanoTime() >= end);
    }

    static double seconds(long nanos) {
        return ReliabilityReport.round(nanos / 1e9, 1);
    }
}
