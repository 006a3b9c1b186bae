package io.aigw.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Finds free loopback ports and tells whether a port is free. */
final class FreePorts {

    private static final int MAX_TRIES = 50;

    private FreePorts() {}

    /** Whether a server could bind {@code 127.0.0.1:port} right now. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // a port in TIME_WAIT is free for Netty too
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A free ephemeral port that is not in {@code avoid}. */
    static int pick(Collection<Integer> avoid) {
        Set<Integer> excluded = new HashSet<>(avoid);
        excluded.add(6379); // a system Redis may come up later
        for (int i = 0; i < MAX_TRIES; i++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (!excluded.contains(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new StackStartException("cannot open a socket on 127.0.0.1 to find a free port", e);
            }
        }
        throw new StackStartException("found no free port on 127.0.0.1 after " + MAX_TRIES + " tries");
    }
}
