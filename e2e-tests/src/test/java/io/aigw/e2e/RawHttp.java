package io.aigw.e2e;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A deliberately small HTTP/1.1 client over a plain socket, for requests no well-behaved client
 * library sends: raw bytes in header values, bodies that are not UTF-8, wrong lengths, header names
 * spelled twice. One connection, kept alive between exchanges until the server closes it.
 */
final class RawHttp implements Closeable {

    /** What came back; {@code status} 0 when the server closed the connection without an answer. */
    record Response(int status, Map<String, List<String>> headers, byte[] body, boolean closed) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * One request: the request line's method and target, raw header lines, and the body.
     *
     * @param chunked send the body with {@code Transfer-Encoding: chunked} instead of a length
     */
    record Request(String method, String target, List<byte[]> headerLines, byte[] body, boolean chunked) {

        byte[] bytes(String host) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
            out.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (byte[] line : headerLines) {
                out.writeBytes(line);
                out.writeBytes(CRLF);
            }
            if (chunked) {
                out.writeBytes("Transfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                for (int start = 0; start < body.length; start += 8192) {
                    int length = Math.min(8192, body.length - start);
                    out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, start, length);
                    out.writeBytes(CRLF);
                }
                out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(body);
            }
            return out.toByteArray();
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Sends the request and reads the answer. Large bodies are written from another thread, so a
     * server that answers (413) before reading everything is heard instead of deadlocking the write.
     */
    Response exchange(Request request) throws IOException {
        if (socket == null) {
            open();
        }
        byte[] bytes = request.bytes(host + ":" + port);
        OutputStream target = out;
        CompletableFuture<Void> written;
        if (bytes.length <= 65536) {
            target.write(bytes);
            target.flush();
            written = CompletableFuture.completedFuture(null);
        } else {
            written = CompletableFuture.runAsync(() -> {
                try {
                    target.write(bytes);
                    target.flush();
                } catch (IOException closedEarly) {
                    // the server answered and closed before reading it all: the answer is what counts
                }
            });
        }
        Response response;
        try {
            response = read();
        } catch (IOException e) {
            close();
            throw e;
        }
        if (response.closed() || !written.isDone()) {
            close();
        }
        return response;
    }

    private void open() throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            return new Response(0, Map.of(), new byte[0], true);
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).trim());
        }
        boolean closed = "close".equalsIgnoreCase(first(headers, "connection"));
        byte[] body;
        if ("chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
            body = chunkedBody();
        } else if (first(headers, "content-length") != null) {
            body = in.readNBytes(Integer.parseInt(first(headers, "content-length")));
        } else {
            body = in.readAllBytes();
            closed = true;
        }
        return new Response(status, headers, body, closed);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int length = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (length == 0) {
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(length));
            line();
        }
    }

    /** One CRLF-terminated line, or null at the end of the stream. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
