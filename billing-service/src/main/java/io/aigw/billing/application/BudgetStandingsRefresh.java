package io.aigw.billing.application;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hands the budget standings to {@link BudgetEvents} at start and then every {@code every}, so that the
 * budget gauges exist (and the alert counters sit at zero) for every budgeted tenant before any request,
 * and follow new tenants and plan changes. A failed read (database or Redis away) keeps the last values
 * and is retried on the next tick.
 */
public final class BudgetStandingsRefresh implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BudgetStandingsRefresh.class);

    private final BudgetStandings standings;
    private final BudgetEvents events;
    private final Duration every;
    private Disposable running;

    public BudgetStandingsRefresh(BudgetStandings standings, BudgetEvents events, Duration every) {
        this.standings = standings;
        this.events = events;
        this.every = every;
    }

    public synchronized void start() {
        if (running == null) {
            running = Flux.interval(Duration.ZERO, every)
                    .onBackpressureDrop()
                    .concatMap(
                            tick -> standings.read().doOnNext(events::standings).onErrorResume(error -> {
                                log.warn("budget standings not refreshed: {}", error.toString());
                                return Mono.empty();
                            }))
                    .subscribe();
        }
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }
}
