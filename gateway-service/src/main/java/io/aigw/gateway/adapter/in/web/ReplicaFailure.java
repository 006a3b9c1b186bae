package io.aigw.gateway.adapter.in.web;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.NotYetConnectedException;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * How far a request had got when its connection to a routing replica failed: what decides whether
 * it may be sent again (ADR 0040).
 */
enum ReplicaFailure {
    /**
     * No connection could be opened: the request never left the gateway. Netty's epoll transport
     * sometimes reports a failed connect as a {@link NotYetConnectedException} on the first read
     * instead of failing the connect (netty/netty#10411): a socket that never connected, so nothing was
     * sent on it.
     */
    NOT_CONNECTED,
    /**
     * The connection closed before the whole request had been written to it: the replica cannot have
     * acted on a body it never finished receiving. Besides a replica dying, this is what a pooled
     * connection that Reactor Netty closes after handing it out looks like (a client hanging up at
     * the end of a stream races the release of the connection that carried it).
     */
    CLOSED_WHILE_SENDING,
    /** The connection closed or was reset after the request was sent, before any response byte. */
    CLOSED_BEFORE_RESPONSE,
    /** Anything else: an answer came, or the failure is not the connection's. */
    OTHER;

    // Reactor Netty tells these apart only by the message: the exceptions' types are shared
    private static final String WHILE_SENDING_BODY = "while sending request body";
    private static final String BEFORE_SEND = "BEFORE send operation";

    static ReplicaFailure of(Throwable error) {
        if (causedBy(error, ConnectException.class) || causedBy(error, NotYetConnectedException.class)) {
            return NOT_CONNECTED;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null
                    && ((cause instanceof PrematureCloseException && message.contains(WHILE_SENDING_BODY))
                            || (cause instanceof AbortedException && message.contains(BEFORE_SEND)))) {
                return CLOSED_WHILE_SENDING;
            }
        }
        // Netty reports a reset as a plain IOException
        if (causedBy(error, PrematureCloseException.class) || causedBy(error, IOException.class)) {
            return CLOSED_BEFORE_RESPONSE;
        }
        return OTHER;
    }

    /** The metric tag of a retry for this failure. */
    String reason() {
        return switch (this) {
            case NOT_CONNECTED -> "connect";
            case CLOSED_WHILE_SENDING -> "closed_while_sending";
            case CLOSED_BEFORE_RESPONSE -> "closed_before_response";
            case OTHER -> "other";
        };
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
