package io.aigw.bench.limits.application;

import io.aigw.bench.limits.domain.Arrival;
import io.aigw.bench.limits.domain.RequestResult;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends every arrival at its scheduled time, whether or not earlier ones were answered (open loop).
 * At most {@code maxInFlight} requests are outstanding; an arrival that finds the bound reached is not
 * sent, not queued and not retried — it is counted as shed, so a slow system cannot quietly turn the
 * open loop into a closed one.
 */
public final class OpenLoopLoad {

    private final ChatClient client;
    private final int maxInFlight;
    private final Duration drainTimeout;
    private final PrintStream out;

    public OpenLoopLoad(ChatClient client, int maxInFlight, Duration drainTimeout, PrintStream out) {
        this.client = client;
        this.maxInFlight = maxInFlight;
        this.drainTimeout = drainTimeout;
        this.out = out;
    }

    /**
     * The outcome of every arrival, in schedule order.
     *
     * @param started receives the instant the schedule's zero was at
     */
    public List<RequestResult> run(List<Arrival> schedule, String model, java.util.function.Consumer<Instant> started) {
        Semaphore inFlight = new Semaphore(maxInFlight);
        List<CompletableFuture<RequestResult>> futures = new ArrayList<>(schedule.size());
        long zero = System.nanoTime();
        started.accept(Instant.now());
        long nextReport = TimeUnit.SECONDS.toNanos(30);
        for (Arrival arrival : schedule) {
            long due = zero + arrival.at().toNanos();
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait); // pacing by the trace clock
            }
            if (!inFlight.tryAcquire()) {
                futures.add(CompletableFuture.completedFuture(RequestResult.shed(arrival)));
            } else {
                futures.add(client.send(arrival, model).whenComplete((r, e) -> inFlight.release()));
            }
            if (arrival.at().toNanos() >= nextReport) {
                out.printf(
                        "bench:   %d s: %d sent, %d in flight%n",
                        TimeUnit.NANOSECONDS.toSeconds(nextReport),
                        futures.size(),
                        maxInFlight - inFlight.availablePermits());
                nextReport += TimeUnit.SECONDS.toNanos(30);
            }
        }
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            out.println("bench:   some requests were still open after " + drainTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a request failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        List<RequestResult> results = new ArrayList<>(futures.size());
        for (int i = 0; i < futures.size(); i++) {
            CompletableFuture<RequestResult> f = futures.get(i);
            results.add(f.isDone() ? f.join() : RequestResult.failed(schedule.get(i), drainTimeout, "still open"));
        }
        return results;
    }
}
