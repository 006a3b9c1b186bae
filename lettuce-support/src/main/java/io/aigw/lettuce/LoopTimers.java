package io.aigw.lettuce;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * The request path's timers — the budgets of its Redis calls, its provider timeouts — on Reactor
 * Netty's event loops instead of Reactor's parallel scheduler (ADR 0042 amendment).
 *
 * <p>{@code timeout(Duration)} puts every budget on {@code Schedulers.parallel()}: a locked delay
 * queue shared with a thread of its own, which is signalled when a new timer is due first and wakes
 * at the deadline of one that was cancelled meanwhile. A request set six to seven of them in routing
 * and two or three in the gateway, nearly all cancelled when the call answered in time; the queue and
 * its thread were about 4 % of each service's CPU samples in the overhead profile, besides the
 * wake-ups. On an event loop a timer set from the loop's own thread is an entry in a heap only that
 * thread reads; set from another thread (a Redis reply on Lettuce's), it is queued without waking the
 * loop unless it is due before the loop would wake anyway.
 *
 * <p>A timer fires on the loop that set it, or on the group's next loop when another thread set it.
 * The loops stay Reactor Netty's: disposing this scheduler leaves them running. A loop that is shutting
 * down refuses a task with its own {@code RejectedExecutionException}, which Reactor signals as an error.
 */
public final class LoopTimers implements Scheduler {

    private final EventLoopGroup loops;

    /**
     * @param loops a colocating group ({@code LoopResources.onClient(true)}), so that a timer set on a
     *     loop thread stays on it
     */
    public LoopTimers(EventLoopGroup loops) {
        this.loops = loops;
    }

    @Override
    public Disposable schedule(Runnable task) {
        return cancelling(loops.next().submit(task));
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        return cancelling(loops.next().schedule(task, delay, unit));
    }

    @Override
    public Disposable schedulePeriodically(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return cancelling(loops.next().scheduleAtFixedRate(task, initialDelay, period, unit));
    }

    @Override
    public Worker createWorker() {
        return new LoopWorker(this);
    }

    /** The loops are not this scheduler's to stop. */
    @Override
    public void dispose() {}

    @Override
    public void init() {}

    private static Disposable cancelling(Future<?> future) {
        return () -> future.cancel(false);
    }

    /**
     * A worker's tasks end with it; they run on the loops like the scheduler's. A one-shot task leaves
     * the worker's set when it has run, so a long-lived worker holds only what is still due.
     */
    private static final class LoopWorker implements Worker {

        private final LoopTimers timers;
        private final Disposable.Composite tasks = Disposables.composite();

        LoopWorker(LoopTimers timers) {
            this.timers = timers;
        }

        @Override
        public Disposable schedule(Runnable task) {
            return tracked(task, true, run -> timers.schedule(run));
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            return tracked(task, true, run -> timers.schedule(run, delay, unit));
        }

        @Override
        public Disposable schedulePeriodically(Runnable task, long initialDelay, long period, TimeUnit unit) {
            return tracked(task, false, run -> timers.schedulePeriodically(run, initialDelay, period, unit));
        }

        private Disposable tracked(Runnable task, boolean once, Function<Runnable, Disposable> scheduling) {
            Disposable.Swap slot = Disposables.swap();
            if (!tasks.add(slot)) {
                throw new RejectedExecutionException("the worker was disposed");
            }
            Runnable run = once
                    ? () -> {
                        try {
                            task.run();
                        } finally {
                            tasks.remove(slot);
                        }
                    }
                    : task;
            slot.update(scheduling.apply(run));
            return () -> {
                tasks.remove(slot);
                slot.dispose();
            };
        }

        @Override
        public void dispose() {
            tasks.dispose();
        }

        @Override
        public boolean isDisposed() {
            return tasks.isDisposed();
        }
    }
}
