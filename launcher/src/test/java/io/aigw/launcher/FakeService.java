package io.aigw.launcher;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for a Spring Boot service in {@link LocalStackIT}: listens on {@code SERVER_ADDRESS:SERVER_PORT},
 * answers readiness, and echoes environment variables on {@code /env/<NAME>}. {@code FAKE_MODE=exit}
 * makes it fail at start, {@code FAKE_MODE=never-ready} keeps its readiness DOWN.
 */
public final class FakeService {

    private FakeService() {}

    public static void main(String[] args) throws IOException {
        String mode = System.getenv().getOrDefault("FAKE_MODE", "ok");
        System.out.println("fake service starting, mode " + mode);
        if (mode.equals("exit")) {
            System.out.println("boom: cannot start");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(System.getenv("SERVER_ADDRESS"), port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            boolean up = !mode.equals("never-ready");
            respond(exchange, up ? 200 : 503, up ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}");
        });
        server.createContext("/env/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/env/".length());
            respond(exchange, 200, String.valueOf(System.getenv(name)));
        });
        server.start();
        System.out.println("fake service listening on " + port);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
