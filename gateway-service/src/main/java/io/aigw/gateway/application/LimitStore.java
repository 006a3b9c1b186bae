package io.aigw.gateway.application;

import io.aigw.gateway.domain.LimitDecision;
import io.aigw.gateway.domain.LimitScope;
import io.aigw.gateway.domain.UtcDay;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** Where tenant usage is counted: shared by every gateway replica, or this replica's own. */
public interface LimitStore {

    /**
     * Charges one request and {@code tokens} to every scope if the request fits in all of them, in one
     * atomic step; else charges nothing.
     *
     * @param id the request's id, to settle it later
     * @param now the gateway's clock: it names the UTC day the daily quotas count in
     */
    Mono<LimitDecision> reserve(List<LimitScope> scopes, String id, long tokens, Instant now);

    /** Replaces a granted request's estimate with the tokens it really used (0 gives them back). */
    Mono<Void> settle(List<LimitScope> scopes, String id, UtcDay chargedDay, long estimate, long actual);
}
