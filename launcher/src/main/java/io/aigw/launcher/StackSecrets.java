package io.aigw.launcher;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The two secrets of one run: the internal token services present to each other and the demo gateway
 * key clients use. Given values are kept; missing ones are generated.
 */
public final class StackSecrets {

    /** The prefix of a generated demo key; the rest is 32 random hex characters. */
    public static final String DEMO_KEY_PREFIX = "aigw-demo-";

    private final String internalToken;
    private final String demoKey;

    private StackSecrets(String internalToken, String demoKey) {
        this.internalToken = Objects.requireNonNull(internalToken);
        this.demoKey = Objects.requireNonNull(demoKey);
    }

    /** The spec's (or its environment's) secrets, generating what is absent with a {@link SecureRandom}. */
    public static StackSecrets resolve(StackSpec spec) {
        return resolve(spec, new SecureRandom());
    }

    static StackSecrets resolve(StackSpec spec, RandomGenerator random) {
        String token = spec.internalToken().orElseGet(() -> randomHex(random, 32));
        String key = spec.demoKey().orElseGet(() -> DEMO_KEY_PREFIX + randomHex(random, 16));
        return new StackSecrets(token, key);
    }

    /** The shared secret on internal calls; never print it. */
    public String internalToken() {
        return internalToken;
    }

    /** The gateway key for the local run; meant to be shown and pasted. */
    public String demoKey() {
        return demoKey;
    }

    @Override
    public String toString() {
        return "StackSecrets[internalToken=***, demoKey=" + demoKey + "]";
    }

    private static String randomHex(RandomGenerator random, int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
