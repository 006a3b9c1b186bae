package io.aigw.lettuce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

class OffLoopRedisConnectionsTest {

    private final ReactiveRedisConnectionFactory redis = mock(ReactiveRedisConnectionFactory.class);
    private final ReactiveRedisConnection connection = mock(ReactiveRedisConnection.class);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Runnable> scheduled = new ArrayList<>();
    private final Scheduler opener = new Scheduler() {
        @Override
        public Disposable schedule(Runnable task) {
            scheduled.add(task);
            return Disposables.disposed();
        }

        @Override
        public Worker createWorker() {
            return Schedulers.immediate().createWorker();
        }
    };
    private final OffLoopRedisConnections connections = new OffLoopRedisConnections(redis, opener, 1000, now::get);

    private void runScheduled() {
        List<Runnable> tasks = new ArrayList<>(scheduled);
        scheduled.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void shouldHandOutTheConnectionOnceItOpenedAtStartUp() {
        when(redis.getReactiveConnection()).thenReturn(connection);

        assertThat(connections.openNow()).isTrue();

        assertThat(connections.getReactiveConnection()).isSameAs(connection);
        assertThat(scheduled).isEmpty();
    }

    @Test
    void shouldFailAtOnceAndOpenOffTheCallersThreadWhileRedisIsAway() {
        when(redis.getReactiveConnection()).thenThrow(new RedisConnectionFailureException("refused"));
        assertThat(connections.openNow()).isFalse();
        verify(redis, times(1)).getReactiveConnection();

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));
        assertThatThrownBy(connections::getReactiveConnection)
                .isInstanceOf(RedisConnectionFailureException.class)
                .hasMessageContaining("not open yet");
        assertThatThrownBy(connections::getReactiveConnection).isInstanceOf(RedisConnectionFailureException.class);
        // the callers never connected themselves: one attempt is left to the opener
        verify(redis, times(1)).getReactiveConnection();
        assertThat(scheduled).hasSize(1);

        runScheduled();
        verify(redis, times(2)).getReactiveConnection();
        assertThat(connections.isOpen()).isFalse();
    }

    @Test
    void shouldTryAgainAtMostOncePerIntervalAndServeOnceRedisAnswers() {
        when(redis.getReactiveConnection())
                .thenThrow(new RedisConnectionFailureException("refused"))
                .thenThrow(new RedisConnectionFailureException("refused"))
                .thenReturn(connection);
        connections.openNow();

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));
        assertThatThrownBy(connections::getReactiveConnection).isInstanceOf(RedisConnectionFailureException.class);
        runScheduled();
        // within the interval after a failed attempt: no new attempt
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
        assertThatThrownBy(connections::getReactiveConnection).isInstanceOf(RedisConnectionFailureException.class);
        assertThat(scheduled).isEmpty();

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThatThrownBy(connections::getReactiveConnection).isInstanceOf(RedisConnectionFailureException.class);
        assertThat(scheduled).hasSize(1);
        runScheduled();

        assertThat(connections.isOpen()).isTrue();
        assertThat(connections.getReactiveConnection()).isSameAs(connection);
    }
}
