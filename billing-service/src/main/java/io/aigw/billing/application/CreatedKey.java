package io.aigw.billing.application;

import io.aigw.billing.domain.GatewayKey;

/**
 * A key just made: the stored record and the key itself, which is shown this once and never again.
 *
 * @param key the stored record (hash and prefix only)
 * @param secret the whole key as the client will present it
 */
public record CreatedKey(GatewayKey key, String secret) {

    @Override
    public String toString() {
        return "CreatedKey[key=" + key + ", secret=****]";
    }
}
