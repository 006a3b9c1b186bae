package io.aigw.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters of many scopes, and the decision over all scopes of one request: it is charged to
 * every scope or to none; when refused, the limit with the longest wait answers (as in the Redis
 * script: scopes in order, then limits in {@link LimitKind} order, the first of equal waits). Not
 * thread-safe: its owner serialises calls.
 */
public final class TenantWindows {

    /** The per-minute window. */
    public static final Duration MINUTE = Duration.ofMinutes(1);

    private final Map<LimitScope, TenantWindow> windows = new HashMap<>();

    /** Charges one request and {@code cost} tokens to every scope, if it fits in all of them. */
    public LimitDecision reserve(List<LimitScope> scopes, String id, long cost, Instant now) {
        Duration dayReset = UtcDay.of(now).untilEnd(now);
        LimitKind refusedBy = null;
        int refusedScope = -1;
        Duration wait = Duration.ZERO;
        for (int i = 0; i < scopes.size(); i++) {
            TenantWindow.Refusal refusal =
                    window(scopes.get(i)).check(scopes.get(i).plan(), cost, now);
            if (refusal != null && refusal.delay().compareTo(wait) > 0) {
                refusedBy = refusal.kind();
                refusedScope = i;
                wait = refusal.delay();
            }
        }
        if (refusedBy == null) {
            scopes.forEach(scope -> window(scope).take(id, cost, now));
        }
        List<ScopeUsage> usages = new ArrayList<>(scopes.size());
        scopes.forEach(scope -> usages.add(window(scope).usage(scope.plan(), now)));
        return refusedBy == null
                ? LimitDecision.granted(dayReset, usages)
                : LimitDecision.refused(refusedBy, refusedScope, wait, dayReset, usages);
    }

    /** Replaces a granted request's estimate with its real tokens in every scope. */
    public void settle(List<LimitScope> scopes, String id, UtcDay chargedDay, long estimate, long actual) {
        scopes.forEach(scope -> window(scope).settle(id, chargedDay, estimate, actual));
    }

    private TenantWindow window(LimitScope scope) {
        // counters belong to the scope, whatever share of its plan it is counted against today
        return windows.computeIfAbsent(scope.withPlan(Plan.UNLIMITED), k -> new TenantWindow(MINUTE));
    }
}
