package io.aigw.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A text file a module ships on its class path (a Redis script), read once into a string.
 *
 * <p>Why not hand the resource itself to the Redis client: Spring Data Redis asks a resource-backed
 * script whether its file changed on every call, and inside a Spring Boot jar that opens a jar URL
 * connection per call — 5 % of routing's CPU per request in the overhead profile. A script given as a
 * string is hashed once.
 */
public final class ClasspathText {

    private ClasspathText() {}

    /**
     * @param owner a class of the module that ships the file (its class loader finds it)
     * @param path the file's path from the class path root, e.g. {@code redis/reserve-capacity.lua}
     * @throws IllegalStateException when the module does not ship it
     */
    public static String read(Class<?> owner, String path) {
        try (InputStream in = owner.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(owner.getName() + "'s module ships no " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
