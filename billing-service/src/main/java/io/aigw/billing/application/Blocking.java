package io.aigw.billing.application;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs blocking work (JPA over JDBC) off the event loop. Billing is a WebFlux service, and a JDBC
 * call parks its thread until the database answers: on one of the few Netty event-loop threads that
 * would stall every other request. The bounded-elastic scheduler has threads meant to block, capped
 * (10 × cores by default) so a slow database cannot grow threads without bound; the JDBC pool
 * (Hikari) then queues the excess.
 */
public final class Blocking {

    private final Scheduler scheduler;

    /** @param scheduler {@code Schedulers.boundedElastic()} in the service; tests may pass another */
    public Blocking(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Calls {@code work} on the blocking scheduler; a {@code null} result completes empty. */
    public <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    /** Runs {@code work} on the blocking scheduler. */
    public Mono<Void> run(Runnable work) {
        return Mono.fromRunnable(work).subscribeOn(scheduler).then();
    }
}
