package io.aigw.lettuce;

import io.lettuce.core.resource.EventLoopGroupProvider;
import io.lettuce.core.resource.NettyCustomizer;
import io.lettuce.core.resource.Transports;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.concurrent.TimeUnit;
import reactor.netty.resources.LoopResources;

/**
 * Lends Lettuce the event loops of Reactor Netty, so that a Redis command and its reply are handled
 * on the thread that serves the HTTP request (ADR 0041 amendment).
 *
 * <p>With Lettuce's own loops every command costs two hand-overs between threads: the write from the
 * HTTP loop to Lettuce's, and the reply back. Each is a wake-up through the kernel, and the async
 * profile of the cache-miss path had a quarter of the gateway's CPU in the kernel, most of it
 * switching and waking threads. On a shared loop both happen in place.
 *
 * <p>The loops stay Reactor Netty's: releasing or shutting down this provider leaves them running;
 * they end with the application's {@code ReactorResourceFactory}. Both libraries pick the native
 * transport when it is there, so Lettuce's channels fit these loops; when they do not agree, the
 * caller keeps Lettuce's own loops ({@link #fit}).
 */
public final class ReactorNettyEventLoops implements EventLoopGroupProvider {

    /** By name: the epoll classes are on the class path at run time only. */
    private static final String EPOLL_SOCKET = "io.netty.channel.epoll.EpollSocketChannel";

    private final EventLoopGroup loops;
    private final int size;

    public ReactorNettyEventLoops(LoopResources resources, int size) {
        // the client side colocates: a connection opened from a loop thread stays on that thread
        this.loops = resources.onClient(true);
        this.size = size;
    }

    /**
     * Whether Lettuce's channels can be registered on Reactor Netty's HTTP loops: only when both use
     * epoll. Elsewhere (NIO, kqueue, io_uring) Lettuce keeps its own loops.
     */
    public static boolean fit() {
        return LoopResources.DEFAULT_NATIVE
                && LoopResources.hasNativeSupport()
                && EPOLL_SOCKET.equals(Transports.socketChannelClass().getName());
    }

    /**
     * Flushes Lettuce's writes once per turn of the loop instead of once per command. On Lettuce's own
     * thread, commands handed over from several requests queue up and leave in one write; issued in
     * place, each would leave alone and cost Redis a read of its own.
     */
    public static NettyCustomizer flushOncePerTurn() {
        return new NettyCustomizer() {
            @Override
            public void afterChannelInitialized(Channel channel) {
                channel.pipeline()
                        .addFirst(new FlushConsolidationHandler(
                                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends EventLoopGroup> T allocate(Class<T> type) {
        return (T) loops;
    }

    @Override
    public int threadPoolSize() {
        return size;
    }

    @Override
    public Future<Boolean> release(EventExecutorGroup group, long quietPeriod, long timeout, TimeUnit unit) {
        return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }

    @Override
    public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit unit) {
        return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }
}
