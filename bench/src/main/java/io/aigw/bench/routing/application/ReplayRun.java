package io.aigw.bench.routing.application;

import io.aigw.bench.routing.domain.LabeledPrompt;
import io.aigw.bench.routing.domain.Reply;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends every prompt of a set to one model name with a fixed number of requests in flight, and gives
 * the replies back in prompt order. Bounded: past the deadline it cancels what is left and throws.
 */
public final class ReplayRun implements AutoCloseable {

    private final GatewayChat chat;
    private final ExecutorService pool;
    private final long deadlineNanos;
    private final PrintStream progress;

    public ReplayRun(GatewayChat chat, int concurrency, Duration budget, PrintStream progress) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.chat = chat;
        this.pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "bench-client");
            thread.setDaemon(true);
            return thread;
        });
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
        this.progress = progress;
    }

    /** The replies to {@code prompts}, in their order. */
    public List<Reply> replay(String label, List<LabeledPrompt> prompts, String model, int maxTokens) {
        List<Future<Reply>> futures = new ArrayList<>(prompts.size());
        for (LabeledPrompt prompt : prompts) {
            futures.add(pool.submit(() -> chat.complete(model, prompt.prompt(), maxTokens)));
        }
        List<Reply> replies = new ArrayList<>(prompts.size());
        long started = System.nanoTime();
        int step = Math.max(1, prompts.size() / 10);
        try {
            for (Future<Reply> future : futures) {
                long left = deadlineNanos - System.nanoTime();
                replies.add(future.get(Math.max(0, left), TimeUnit.NANOSECONDS));
                if (replies.size() % step == 0 || replies.size() == prompts.size()) {
                    progress.printf(
                            "bench: %-22s %6d / %d  (%d s)%n",
                            label,
                            replies.size(),
                            prompts.size(),
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
                }
            }
        } catch (TimeoutException e) {
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("the benchmark ran past its time budget during " + label + " after "
                    + replies.size() + " of " + prompts.size() + " requests (raise --timeout)");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("a request of " + label + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + label, e);
        }
        return replies;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
