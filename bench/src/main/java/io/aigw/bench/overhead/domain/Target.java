package io.aigw.bench.overhead.domain;

/** What a request goes through in the overhead benchmark; {@link #DIRECT} is the baseline of all. */
public enum Target {
    /** Straight to the upstream: the fixed-answer nginx, or the simulator for streams. */
    DIRECT("direct", "direct to the upstream"),
    /** Through one plain nginx reverse proxy: the floor for one extra hop. */
    NGINX("nginx-proxy", "through a plain nginx proxy"),
    /** Through the Portkey gateway (Node, from npm): the peer. */
    PORTKEY("portkey", "through the Portkey gateway"),
    /** Through this gateway with everything on, every prompt new: an exact-cache miss. */
    AIGW_MISS("aigw-miss", "through this gateway, cache miss"),
    /** Through this gateway with everything on, the same prompt every time: an exact-cache hit. */
    AIGW_HIT("aigw-hit", "through this gateway, exact-cache hit"),
    /**
     * Through a second stack of this gateway, every prompt new: the baseline of an A/B run, from
     * another checkout's jars or with other JVM options ({@code --baseline}, {@code --baseline-java-opts}).
     */
    AIGW_BASE("aigw-base", "through the baseline build of this gateway, cache miss");

    private final String key;
    private final String description;

    Target(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The name in the JSON report and on the command line, e.g. {@code aigw-miss}. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** Whether the request passes through this project's services. */
    public boolean ours() {
        return this == AIGW_MISS || this == AIGW_HIT || this == AIGW_BASE;
    }

    public static Target ofKey(String key) {
        for (Target target : values()) {
            if (target.key.equals(key)) {
                return target;
            }
        }
        throw new IllegalArgumentException("no target named " + key);
    }
}
