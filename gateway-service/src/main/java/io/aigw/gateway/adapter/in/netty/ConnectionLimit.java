package io.aigw.gateway.adapter.in.netty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open client connections and closes a new one at once when {@code max} are already open:
 * past the limit a client gets a closed connection (and retries, or fails fast) instead of the
 * gateway running out of file descriptors or memory.
 */
public final class ConnectionLimit {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final Counter refused;

    public ConnectionLimit(int max, MeterRegistry meters) {
        this.max = max;
        Gauge.builder("aigw_gateway_connections_open", open, AtomicInteger::get)
                .description("Client connections open at the gateway")
                .register(meters);
        this.refused = Counter.builder("aigw_gateway_connections_refused")
                .description("Client connections closed at once because aigw.gateway.server.max-connections were open")
                .register(meters);
    }

    /** Called once per accepted connection; false when it was closed because the limit is reached. */
    public boolean admit(Channel channel) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            refused.increment();
            channel.close();
            return false;
        }
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        return true;
    }

    public int open() {
        return open.get();
    }
}
