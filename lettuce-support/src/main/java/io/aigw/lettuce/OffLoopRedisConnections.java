package io.aigw.lettuce;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.ReactiveRedisClusterConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.scheduler.Scheduler;

/**
 * Spring Data Redis's shared reactive connection, never opened on the thread that asks for it.
 *
 * <p>Spring Data Redis opens its shared connection on first use, synchronously, on the calling thread
 * ({@code LettuceConnectionFactory.getReactiveConnection()} through {@code SharedConnection}, which
 * blocks on Lettuce's connect). With Lettuce on the HTTP event loops ({@link ReactorNettyEventLoops})
 * the caller is a loop, and the connect it waits for is one only that same loop can complete: every
 * request would wait for the connect timeout while Redis is away.
 *
 * <p>So the connection is opened at start-up ({@link #openNow()}); while it is not open, a caller gets
 * at once the error a refused connection gives — which the adapters already answer with their
 * fallback — and a thread of {@code opener} tries to open it, one attempt at a time and at most one
 * per {@code retryEvery}. Once open it stays: Lettuce reconnects it in place, on its loop, without
 * blocking anyone.
 */
public final class OffLoopRedisConnections implements ReactiveRedisConnectionFactory {

    private static final Log log = LogFactory.getLog(OffLoopRedisConnections.class);

    private final ReactiveRedisConnectionFactory redis;
    private final Scheduler opener;
    private final long retryEveryNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean opening = new AtomicBoolean();
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile boolean open;
    private volatile long lastAttempt;

    public OffLoopRedisConnections(
            ReactiveRedisConnectionFactory redis, Scheduler opener, long retryEveryMillis, LongSupplier nanoTime) {
        this.redis = redis;
        this.opener = opener;
        this.retryEveryNanos = TimeUnit.MILLISECONDS.toNanos(retryEveryMillis);
        this.nanoTime = nanoTime;
        this.lastAttempt = nanoTime.getAsLong() - retryEveryNanos;
    }

    /** Opens the shared connection on this thread if Redis answers; otherwise leaves it to later calls. */
    public boolean openNow() {
        lastAttempt = nanoTime.getAsLong();
        try {
            redis.getReactiveConnection().close();
            open = true;
            return true;
        } catch (RuntimeException e) {
            String message = "Redis is not reachable yet (" + e.getMessage() + "); its connection will be opened"
                    + " off the event loops once it answers";
            // once a second while Redis is away: said once, then only at debug level
            if (warned.compareAndSet(false, true)) {
                log.warn(message);
            } else if (log.isDebugEnabled()) {
                log.debug(message);
            }
            return false;
        }
    }

    /** Whether the shared connection has been opened (Lettuce may be reconnecting it). */
    public boolean isOpen() {
        return open;
    }

    @Override
    public ReactiveRedisConnection getReactiveConnection() {
        if (!open) {
            throw notOpenYet();
        }
        return redis.getReactiveConnection();
    }

    @Override
    public ReactiveRedisClusterConnection getReactiveClusterConnection() {
        if (!open) {
            throw notOpenYet();
        }
        return redis.getReactiveClusterConnection();
    }

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException e) {
        return redis.translateExceptionIfPossible(e);
    }

    private RedisConnectionFailureException notOpenYet() {
        long now = nanoTime.getAsLong();
        if (now - lastAttempt >= retryEveryNanos && opening.compareAndSet(false, true)) {
            lastAttempt = now;
            opener.schedule(() -> {
                try {
                    openNow();
                } finally {
                    opening.set(false);
                }
            });
        }
        return new RedisConnectionFailureException(
                "Redis connection not open yet: it is being opened off the event loops");
    }
}
