package io.aigw.cache.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tenant every cache entry belongs to; entries of one tenant are never served to another.
 *
 * @param value 1–128 printable characters without whitespace
 */
public record TenantId(String value) {

    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,128}");

    public TenantId {
        Objects.requireNonNull(value, "tenant");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "tenant must be 1-128 printable ASCII characters without spaces: '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
