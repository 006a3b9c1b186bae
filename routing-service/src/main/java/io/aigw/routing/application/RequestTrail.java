package io.aigw.routing.application;

import io.aigw.routing.domain.EscalationReason;
import io.aigw.routing.domain.PlannedDeployment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happened while one client request was served: every call made, the escalations, and which
 * deployment's answer the client got. Filled in by the service, read by whoever reports the request.
 * One request's calls happen one after another, so the lists need no more than a monitor.
 */
public final class RequestTrail {

    private final long startNanos = System.nanoTime();
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<EscalationReason> escalations = new ArrayList<>();
    private int calls;
    private int reservations;
    private Duration capacityWait;
    private PlannedDeployment answered;
    private String cache = "miss";
    private String holdId;
    private BigDecimal saved = BigDecimal.ZERO;

    synchronized void called() {
        calls++;
    }

    /**
     * A new id for the next capacity reservation of this request, unique even when the request id is
     * missing or repeated by a client: two reservations under one id would count as one.
     */
    synchronized String nextReservationId(String requestId) {
        return (requestId == null ? "" : requestId) + "#" + (++reservations) + "#" + UUID.randomUUID();
    }

    /** A deployment had no RPM/TPM headroom; it would have had some after {@code wait}. */
    synchronized void noHeadroom(Duration wait) {
        if (capacityWait == null || wait.compareTo(capacityWait) < 0) {
            capacityWait = wait;
        }
    }

    /** The shortest wait after which a deployment skipped for lack of headroom would fit. */
    synchronized Optional<Duration> capacityWait() {
        return Optional.ofNullable(capacityWait);
    }

    /** The cache was not asked ({@code x-aigw-cache: off}, {@code Cache-Control: no-cache}). */
    synchronized void cacheBypassed() {
        cache = "bypass";
    }

    /** The cache answered: no provider was called. */
    synchronized void servedFromCache(CachedAnswer hit) {
        cache = hit.result();
        saved = hit.savedUsd();
    }

    synchronized void held(String id) {
        holdId = id;
    }

    /** {@code x-aigw-cache}: hit-exact, hit-semantic, miss or bypass. */
    public synchronized String cacheResult() {
        return cache;
    }

    public synchronized BigDecimal saved() {
        return saved;
    }

    synchronized void add(Attempt attempt) {
        attempts.add(attempt);
        if (attempt.escalatedFor() != null) {
            escalations.add(attempt.escalatedFor());
        }
    }

    synchronized void answeredBy(PlannedDeployment deployment) {
        answered = deployment;
    }

    /** How many calls were made to providers, failed ones included ({@code x-aigw-attempts}). */
    public synchronized int calls() {
        return calls;
    }

    public synchronized PlannedDeployment answered() {
        return answered;
    }

    public synchronized List<EscalationReason> escalations() {
        return List.copyOf(escalations);
    }

    /** The total cost of every call that produced tokens, the wasted cascade attempts included. */
    public synchronized BigDecimal cost() {
        return attempts.stream().map(Attempt::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public synchronized Usage usage() {
        return attempts.stream().map(Attempt::usage).reduce(Usage.NONE, Usage::plus);
    }

    public synchronized FinishedRequest finish(ChatCommand command, int status) {
        return new FinishedRequest(
                command.requestId(),
                command.tenant(),
                command.keyId(),
                command.request().model(),
                answered == null ? null : answered.deployment(),
                status,
                calls,
                attempts,
                escalations,
                usage(),
                cost(),
                Duration.ofNanos(System.nanoTime() - startNanos),
                command.request().stream(),
                Instant.now(),
                cache,
                saved,
                holdId);
    }
}
