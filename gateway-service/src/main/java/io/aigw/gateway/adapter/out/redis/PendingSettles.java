package io.aigw.gateway.adapter.out.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Settlements waiting on this replica to ride along with its next reservation of the same scopes and
 * day, which is one script call anyway, instead of each being a call of its own; what no reservation
 * takes in time is flushed. Grouped by the keys the settlement changes (per scope: amounts, minute
 * tokens, day tokens), which name the tenant, its key and the day.
 */
final class PendingSettles {

    /** One request's settlement: from its estimate to the tokens it really used. */
    record Settle(String id, long estimate, long actual) {}

    private final Map<List<String>, Group> groups = new ConcurrentHashMap<>();
    private final int most;

    /** @param most the most settlements one call carries, and so the most a group holds before it is sent */
    PendingSettles(int most) {
        this.most = most;
    }

    /**
     * Adds a settlement to its group.
     *
     * @return true when the group is full: its settlements should be sent now
     */
    boolean add(List<String> keys, Settle settle) {
        int[] size = {0};
        // in compute, so that prune() cannot drop the group between finding it and adding to it
        groups.compute(List.copyOf(keys), (k, group) -> {
            Group into = group == null ? new Group() : group;
            into.settles.add(settle);
            size[0] = into.size.incrementAndGet();
            return into;
        });
        return size[0] >= most;
    }

    /** Takes up to {@link #most} of the group's settlements, oldest first; empty when none wait. */
    List<Settle> take(List<String> keys) {
        Group group = groups.get(keys);
        return group == null ? List.of() : group.take(most);
    }

    /** The groups that have settlements waiting, by their keys. */
    List<List<String>> waiting() {
        List<List<String>> waiting = new ArrayList<>();
        groups.forEach((keys, group) -> {
            if (group.size.get() > 0) {
                waiting.add(keys);
            }
        });
        return waiting;
    }

    /** Forgets the groups that are empty, so that tenants gone quiet do not keep their entry. */
    void prune() {
        for (List<String> keys : List.copyOf(groups.keySet())) {
            groups.computeIfPresent(keys, (k, group) -> group.size.get() == 0 ? null : group);
        }
    }

    private static final class Group {
        private final Queue<Settle> settles = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();

        List<Settle> take(int most) {
            List<Settle> taken = new ArrayList<>();
            Settle settle;
            while (taken.size() < most && (settle = settles.poll()) != null) {
                size.decrementAndGet();
                taken.add(settle);
            }
            return taken;
        }
    }
}
