package io.aigw.testsupport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where the integration tests' Redis answers.
 *
 * @param host host name or address, without brackets for IPv6
 * @param port TCP port
 * @param url {@code redis://[user[:password]@]host:port[/db]}, ready for Lettuce or Spring's {@code
 *     spring.data.redis.url}
 */
public record RedisEndpoint(String host, int port, String url) {

    static final int DEFAULT_PORT = 6379;

    /** Checks that the components are present and the port is valid. */
    public RedisEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(url, "url");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Redis port out of range: " + port);
        }
    }

    /**
     * Parses {@code redis://[user[:password]@]host[:port][/db]}; the port defaults to 6379.
     *
     * @throws IllegalArgumentException naming the value when it is not such a URL
     */
    public static RedisEndpoint parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a Redis URL: '" + url + "'", e);
        }
        // The probe speaks plain RESP over a socket; TLS (rediss://) is not supported here.
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "Not a Redis URL: '" + url + "' (expected redis://host:port, e.g. redis://127.0.0.1:6379)");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        return new RedisEndpoint(host, port, url.strip());
    }

    /** Builds the endpoint of a server without credentials. */
    public static RedisEndpoint of(String host, int port) {
        String urlHost = host.contains(":") ? "[" + host + "]" : host;
        return new RedisEndpoint(host, port, "redis://" + urlHost + ":" + port);
    }

    /** The {@code user:password} or {@code password} part of the URL, or {@code null}. */
    String userInfo() {
        return URI.create(url).getUserInfo();
    }

    /** Hides a password that the URL may carry. */
    @Override
    public String toString() {
        String shown = userInfo() == null ? url : url.replace(userInfo() + "@", "***@");
        return "RedisEndpoint[host=" + host + ", port=" + port + ", url=" + shown + "]";
    }
}
