package io.aigw.gateway.application;

import io.aigw.gateway.domain.KeyOwner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key resolutions this replica remembers for a few seconds (ADR 0023's in-process copy), so a
 * request needs no Redis round trip and no parse to learn who its key belongs to. Remembered by the
 * key's SHA-256, never the key. Bounded three ways: each entry lives at most {@code ttl}, never past
 * the key's own expiry, and the whole memory is dropped when it holds {@code maxEntries} (a flood of
 * made-up keys cannot grow it). Billing's revocation and change notices make a replica {@link
 * #forget} a key at once; {@code ttl} bounds a notice that was lost.
 */
public final class RememberedKeys {

    /** What a key resolved to: its owner, or refused (unknown, expired, revoked). */
    public record Resolution(KeyOwner owner) {
        public static final Resolution REFUSED = new Resolution(null);

        public boolean refused() {
            return owner == null;
        }
    }

    private record Entry(Resolution resolution, Instant until) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    /** @param ttl zero remembers nothing */
    public RememberedKeys(Duration ttl, int maxEntries, Clock clock) {
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("key memory needs a ttl of 0 or more and room for an entry");
        }
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public Optional<Resolution> recall(String keyHash) {
        Entry entry = entries.get(keyHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(keyHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.resolution());
    }

    /** @param keyExpires when the key itself stops working, if it does */
    public void remember(String keyHash, Resolution resolution, Optional<Instant> keyExpires) {
        if (ttl.isZero()) {
            return;
        }
        Instant until = clock.instant().plus(ttl);
        if (keyExpires.isPresent() && keyExpires.get().isBefore(until)) {
            until = keyExpires.get();
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(keyHash, new Entry(resolution, until));
    }

    public void forget(String keyHash) {
        entries.remove(keyHash);
    }

    /** Drops everything: notices may have been missed (the subscription was down). */
    public void forgetAll() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
