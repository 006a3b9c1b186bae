package io.aigw.scaler.config;

import io.aigw.scaler.application.ControlLoop;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/** Runs the loop on one daemon thread every interval (fixed delay: a slow pass never overlaps the next). */
public final class ControlLoopRunner implements SmartLifecycle {

    private final ControlLoop loop;
    private final Duration interval;
    private ScheduledExecutorService executor;

    ControlLoopRunner(ControlLoop loop, Duration interval) {
        this.loop = loop;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "scaler-loop");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(loop::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
