package io.aigw.api.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Writes waiting on this replica to ride with its next script call on the same keys, which goes to
 * Redis anyway (the next reservation of the same tenant or provider), instead of each being a call of
 * its own; what no call takes in time the owner flushes. Used for settlements after an answer: the
 * gateway's tenant tokens (ADR 0010) and routing's provider capacity (ADR 0007). Grouped by the keys
 * the writes change, so a Redis Cluster still sees single-slot calls.
 *
 * @param <T> one write, e.g. a request's id and its real tokens
 */
public final class RidingWrites<T> {

    private final Map<List<String>, Group<T>> groups = new ConcurrentHashMap<>();
    private final int most;
    private final LongSupplier nanoTime;

    /** @param most the most writes one call carries, and so the most a group holds before it is sent */
    public RidingWrites(int most) {
        this(most, System::nanoTime);
    }

    /** @param nanoTime the clock of {@link #drain(Duration)}, as {@link System#nanoTime} */
    public RidingWrites(int most, LongSupplier nanoTime) {
        if (most < 1) {
            throw new IllegalArgumentException("most must be positive, was " + most);
        }
        this.most = most;
        this.nanoTime = nanoTime;
    }

    /**
     * Adds a write to the group of its keys.
     *
     * @return true when the group is full: its writes should be sent now
     */
    public boolean add(List<String> keys, T write) {
        int[] size = {0};
        // in compute, so that prune() cannot drop the group between finding it and adding to it
        groups.compute(List.copyOf(keys), (k, group) -> {
            Group<T> into = group == null ? new Group<>() : group;
            into.writes.add(new Waiting<>(write, nanoTime.getAsLong()));
            size[0] = into.size.incrementAndGet();
            return into;
        });
        return size[0] >= most;
    }

    /** Takes up to {@code most} of the group's writes, oldest first; empty when none wait. */
    public List<T> take(List<String> keys) {
        Group<T> group = groups.get(keys);
        return group == null ? List.of() : group.take(most);
    }

    /** Writes of one group, at most a full call of them. */
    public record Batch<T>(List<String> keys, List<T> writes) {}

    /**
     * Takes every write still waiting, as batches of at most a full call per group, and forgets the
     * groups left empty: what the owner's flush sends.
     */
    public List<Batch<T>> drain() {
        return drainEach(group -> group.take(most));
    }

    /**
     * Like {@link #drain()}, but only the writes that have waited at least {@code waited}: what the
     * periodic flush sends. A write younger than that stays for the next call on its keys, so the
     * same client's next request, if it comes within that time, carries it in its own script and
     * cannot overtake it (a write sent alone could still be on its way to Redis when that request's
     * script arrives).
     */
    public List<Batch<T>> drain(Duration waited) {
        long cutoff = nanoTime.getAsLong() - waited.toNanos();
        return drainEach(group -> group.takeWaitingSince(cutoff, most));
    }

    /** Every group's writes that {@code take} hands out, a call at a time; then the empty groups go. */
    private List<Batch<T>> drainEach(Function<Group<T>, List<T>> take) {
        List<Batch<T>> batches = new ArrayList<>();
        for (List<String> keys : waiting()) {
            Group<T> group = groups.get(keys);
            List<T> writes;
            while (group != null && !(writes = take.apply(group)).isEmpty()) {
                batches.add(new Batch<>(keys, writes));
            }
        }
        prune();
        return batches;
    }

    /** The keys of the groups that have writes waiting. */
    public List<List<String>> waiting() {
        List<List<String>> waiting = new ArrayList<>();
        groups.forEach((keys, group) -> {
            if (group.size.get() > 0) {
                waiting.add(keys);
            }
        });
        return waiting;
    }

    /** Forgets the groups that are empty, so that tenants or providers gone quiet keep no entry. */
    public void prune() {
        for (List<String> keys : List.copyOf(groups.keySet())) {
            groups.computeIfPresent(keys, (k, group) -> group.size.get() == 0 ? null : group);
        }
    }

    /** A write and when it was added; compared by identity, so that removing one removes that one. */
    private static final class Waiting<T> {
        private final T write;
        private final long since;

        Waiting(T write, long since) {
            this.write = write;
            this.since = since;
        }
    }

    private static final class Group<T> {
        private final Queue<Waiting<T>> writes = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();

        List<T> take(int most) {
            List<T> taken = new ArrayList<>();
            Waiting<T> waiting;
            while (taken.size() < most && (waiting = writes.poll()) != null) {
                size.decrementAndGet();
                taken.add(waiting.write);
            }
            return taken;
        }

        /** The oldest writes added at or before {@code cutoff}, up to {@code most}; stops at a younger one. */
        List<T> takeWaitingSince(long cutoff, int most) {
            List<T> taken = new ArrayList<>();
            Waiting<T> oldest;
            while (taken.size() < most && (oldest = writes.peek()) != null && oldest.since - cutoff <= 0) {
                // a reservation may have taken it meanwhile: then it is not ours to send
                if (writes.remove(oldest)) {
                    size.decrementAndGet();
                    taken.add(oldest.write);
                }
            }
            return taken;
        }
    }
}
