package io.aigw.lettuce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.netty.resources.LoopResources;

class LoopTimersTest {

    private static final LoopResources LOOPS = LoopResources.create("timers-test", 2, true);

    private final LoopTimers timers = new LoopTimers(LOOPS.onClient(false));

    @AfterAll
    static void stopLoops() {
        LOOPS.disposeLater().block(Duration.ofSeconds(5));
    }

    @Test
    void shouldTimeAMonoOutOnAnEventLoop() {
        Sinks.One<String> never = Sinks.one();
        AtomicBoolean onLoop = new AtomicBoolean();

        Mono<String> bounded = never.asMono()
                .timeout(Duration.ofMillis(50), timers)
                .doOnError(e -> onLoop.set(Thread.currentThread().getName().startsWith("timers-test")));

        assertThatThrownBy(() -> bounded.block(Duration.ofSeconds(5))).hasCauseInstanceOf(TimeoutException.class);
        assertThat(onLoop).isTrue();
    }

    @Test
    void shouldLetAnAnswerInTimeThroughAndCancelItsTimer() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        Disposable timer = timers.schedule(fired::countDown, 200, TimeUnit.MILLISECONDS);
        timer.dispose();

        assertThat(Mono.just("answer")
                        .delayElement(Duration.ofMillis(10), timers)
                        .timeout(Duration.ofSeconds(2), timers)
                        .block(Duration.ofSeconds(5)))
                .isEqualTo("answer");
        // the cancelled timer never runs
        assertThat(fired.await(400, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void shouldKeepATimerSetOnALoopThreadOnThatLoop() throws Exception {
        CompletableFuture<Thread[]> threads = new CompletableFuture<>();
        LOOPS.onClient(false).next().execute(() -> {
            Thread setter = Thread.currentThread();
            timers.schedule(
                    () -> threads.complete(new Thread[] {setter, Thread.currentThread()}), 10, TimeUnit.MILLISECONDS);
        });

        Thread[] setAndFired = threads.get(5, TimeUnit.SECONDS);
        assertThat(setAndFired[1]).isSameAs(setAndFired[0]);
    }

    @Test
    void shouldLeaveTheLoopsRunningWhenDisposed() throws Exception {
        timers.dispose();

        CountDownLatch ran = new CountDownLatch(1);
        timers.schedule(ran::countDown, 1, TimeUnit.MILLISECONDS);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldCancelAWorkersPendingTasksAndRefuseNewOnesWhenItIsDisposed() throws Exception {
        Scheduler.Worker worker = timers.createWorker();
        CountDownLatch ran = new CountDownLatch(1);
        CountDownLatch late = new CountDownLatch(1);
        worker.schedule(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        worker.schedule(late::countDown, 200, TimeUnit.MILLISECONDS);

        worker.dispose();

        assertThat(late.await(400, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(worker.isDisposed()).isTrue();
        assertThatThrownBy(() -> worker.schedule(() -> {})).isInstanceOf(RejectedExecutionException.class);
    }
}
