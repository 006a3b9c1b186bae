package io.aigw.billing.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes and hashes gateway keys. A new key reads {@code aigw-<prefix>-<secret>}: the prefix is 8 hex
 * digits that stay visible so people can tell keys apart, the secret is 256 random bits in 64 hex
 * digits. The key is shown once; only its SHA-256 is stored. A plain, fast hash is enough because
 * the secret has 256 bits of entropy: there is nothing to guess from the hash, and the gateway can
 * afford it on every request.
 */
public final class KeyMaterial {

    public static final String SCHEME = "aigw-";
    private static final int PREFIX_BYTES = 4;
    private static final int SECRET_BYTES = 32;
    /** What stays visible of a generated key: {@code aigw-} and the 8-digit prefix. */
    static final int VISIBLE = SCHEME.length() + PREFIX_BYTES * 2;

    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random;

    /** @param random the source of every key and id; a {@link SecureRandom}, never a plain Random */
    public KeyMaterial(SecureRandom random) {
        this.random = random;
    }

    /** A new random key. */
    public String newKey() {
        return SCHEME + HEX.formatHex(bytes(PREFIX_BYTES)) + "-" + HEX.formatHex(bytes(SECRET_BYTES));
    }

    /** A new non-secret key id ({@code key_} + 16 hex digits). */
    public String newId() {
        return "key_" + HEX.formatHex(bytes(8));
    }

    private byte[] bytes(int n) {
        byte[] bits = new byte[n];
        random.nextBytes(bits);
        return bits;
    }

    /** Lower-case hex SHA-256 of the key as presented (UTF-8). */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** True for a 64-digit lower-case hex string, the only form a stored hash has. */
    public static boolean isHash(String value) {
        return value != null && value.matches("[0-9a-f]{64}");
    }

    /**
     * The part of a key people may see: {@code aigw-<prefix>} of a generated key; of a key made
     * elsewhere (the configured demo key) at most a quarter, so most of it stays secret.
     */
    public static String visiblePrefix(String key) {
        return key.substring(0, Math.min(VISIBLE, key.length() / 4));
    }
}
