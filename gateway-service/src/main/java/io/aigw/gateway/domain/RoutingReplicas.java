package io.aigw.gateway.domain;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The routing replicas the gateway spreads {@code /v1/**} over: round robin, skipping a replica that
 * failed to take a request for a short while (passive ejection), so that a dead replica costs one
 * failed attempt per ejection period instead of one per request. When every replica is ejected, the
 * round robin goes on over all of them: an ejection is a hint, never a reason to refuse a request.
 * Thread-safe.
 */
public final class RoutingReplicas {

    private final List<URI> replicas;
    private final Duration ejectFor;
    private final Clock clock;
    private final AtomicInteger next = new AtomicInteger();
    private final ConcurrentHashMap<URI, Instant> ejectedUntil = new ConcurrentHashMap<>();

    public RoutingReplicas(List<URI> replicas, Duration ejectFor, Clock clock) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("at least one routing replica is needed");
        }
        this.replicas = List.copyOf(replicas);
        this.ejectFor = Objects.requireNonNull(ejectFor, "ejectFor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public int size() {
        return replicas.size();
    }

    public List<URI> all() {
        return replicas;
    }

    /** The next replica in turn that is not ejected; the next in turn when all are. */
    public URI pick() {
        return pickAfter(null);
    }

    /**
     * The replica for a second attempt: the next one in turn other than {@code failed} that is not
     * ejected, else the next other than {@code failed}; {@code failed} itself only when it is the only one.
     */
    public URI pickOther(URI failed) {
        return pickAfter(failed);
    }

    /** Keeps a replica out of {@link #pick()} for the ejection period. */
    public void eject(URI replica) {
        ejectedUntil.put(replica, clock.instant().plus(ejectFor));
    }

    /** Whether a replica is ejected now. */
    public boolean isEjected(URI replica) {
        Instant until = ejectedUntil.get(replica);
        return until != null && clock.instant().isBefore(until);
    }

    private URI pickAfter(URI avoid) {
        int size = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), size);
        URI fallback = null;
        for (int i = 0; i < size; i++) {
            URI candidate = replicas.get((start + i) % size);
            if (candidate.equals(avoid)) {
                continue;
            }
            if (!isEjected(candidate)) {
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        return fallback != null ? fallback : replicas.get(start);
    }
}
