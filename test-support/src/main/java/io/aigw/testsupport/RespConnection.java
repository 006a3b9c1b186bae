package io.aigw.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A minimal RESP2 client over a plain socket: enough to prove that a server really is Redis and
 * answers, without tying this module to a Redis client library that services may pin differently.
 */
final class RespConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects, with the same bound on connecting and on every reply, and authenticates if the URL says so. */
    static RespConnection open(RedisEndpoint endpoint, Duration timeout) throws IOException {
        int millis = Math.toIntExact(timeout.toMillis());
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), millis);
            socket.setSoTimeout(millis);
            RespConnection connection = new RespConnection(socket);
            String userInfo = endpoint.userInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                if (colon < 0) {
                    connection.command("AUTH", userInfo);
                } else if (colon == 0) {
                    connection.command("AUTH", userInfo.substring(1));
                } else {
                    connection.command("AUTH", userInfo.substring(0, colon), userInfo.substring(colon + 1));
                }
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends one command and returns a simple-string, bulk-string or integer reply as text ({@code null}
     * for a nil bulk string).
     *
     * @throws IOException on an error reply, an unsupported reply type or a broken connection
     */
    String command(String... args) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            request.writeBytes(bytes);
            request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(request.toByteArray());
        out.flush();
        return readReply();
    }

    private String readReply() throws IOException {
        int type = in.read();
        String line = readLine();
        switch (type) {
            case '+':
            case ':':
                return line;
            case '-':
                throw new IOException("Redis answered an error: " + line);
            case '$':
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(length + 2); // payload and its CRLF
                if (data.length != length + 2) {
                    throw new IOException("Connection closed in the middle of a reply");
                }
                return new String(data, 0, length, StandardCharsets.UTF_8);
            case -1:
                throw new IOException("Connection closed before a reply");
            default:
                throw new IOException("Not a Redis reply (type byte " + type + "): " + line);
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); b != -1; b = in.read()) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            previous = b;
        }
        throw new IOException("Connection closed in the middle of a reply");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
