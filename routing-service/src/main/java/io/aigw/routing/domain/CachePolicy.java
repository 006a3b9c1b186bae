package io.aigw.routing.domain;

import java.util.Locale;

/**
 * What a request lets the cache do (DESIGN.md, "Public API"): {@code x-aigw-cache: off | exact-only |
 * on} and the standard {@code Cache-Control: no-cache} (skip the lookup, still store) and {@code
 * no-store} (neither). The stricter of the two wins.
 *
 * @param lookup how the cache may answer
 * @param store whether a fresh answer may be kept for others
 */
public record CachePolicy(Lookup lookup, boolean store) {

    /** How far a lookup may go. */
    public enum Lookup {
        /** No lookup: the response says {@code x-aigw-cache: bypass}. */
        OFF,
        /** The identical request only. */
        EXACT_ONLY,
        /** Identical first, then a verified near-repeat. */
        ON
    }

    public static final CachePolicy DEFAULT = new CachePolicy(Lookup.ON, true);

    /**
     * @throws IllegalArgumentException naming the allowed values, when {@code x-aigw-cache} is not one
     */
    public static CachePolicy of(String aigwCache, String cacheControl) {
        CachePolicy policy =
                switch (aigwCache == null ? "on" : aigwCache.strip().toLowerCase(Locale.ROOT)) {
                    case "on", "" -> DEFAULT;
                    case "exact-only" -> new CachePolicy(Lookup.EXACT_ONLY, true);
                    case "off" -> new CachePolicy(Lookup.OFF, false);
                    default -> throw new IllegalArgumentException(
                            "'x-aigw-cache' must be off, exact-only or on, was '" + aigwCache + "'.");
                };
        String directives = cacheControl == null ? "" : cacheControl.toLowerCase(Locale.ROOT);
        if (hasDirective(directives, "no-store")) {
            return new CachePolicy(Lookup.OFF, false);
        }
        if (hasDirective(directives, "no-cache")) {
            return new CachePolicy(Lookup.OFF, policy.store());
        }
        return policy;
    }

    private static boolean hasDirective(String cacheControl, String directive) {
        for (String part : cacheControl.split(",")) {
            if (part.strip().equals(directive)) {
                return true;
            }
        }
        return false;
    }
}
