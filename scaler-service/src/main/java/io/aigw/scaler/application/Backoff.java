package io.aigw.scaler.application;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Per key: after n failures in a row the next attempt waits interval × 2^(n-1), at most {@code max}. */
final class Backoff {

    private final Duration interval;
    private final Duration max;
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Instant> notBefore = new HashMap<>();

    Backoff(Duration interval, Duration max) {
        this.interval = interval;
        this.max = max;
    }

    synchronized boolean waiting(String key, Instant now) {
        Instant until = notBefore.get(key);
        return until != null && now.isBefore(until);
    }

    synchronized void failed(String key, Instant now) {
        int n = failures.merge(key, 1, Integer::sum);
        Duration delay = interval.multipliedBy(1L << Math.min(n - 1, 20));
        notBefore.put(key, now.plus(delay.compareTo(max) > 0 ? max : delay).minus(interval));
    }

    synchronized void succeeded(String key) {
        failures.remove(key);
        notBefore.remove(key);
    }
}
