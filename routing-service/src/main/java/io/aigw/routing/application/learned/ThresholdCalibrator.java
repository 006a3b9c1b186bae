package io.aigw.routing.application.learned;

import io.aigw.routing.domain.learned.Calibration;
import io.aigw.routing.domain.learned.LabeledExample;
import io.aigw.routing.domain.learned.LearnedTarget;
import io.aigw.routing.domain.learned.ThresholdCalibration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Each tenant's calibrated threshold per learned group. A calibration runs in the background (it costs
 * a dot product per pair of feedback prompts, up to seconds): the first time a tenant's group has enough
 * feedback, again once it is older than {@code recalibrateEvery}, and again when the tenant's feedback
 * has grown or shrunk by more than a tenth since. Until the first one is in, {@link #current} is empty
 * and the group acts as a cascade; afterwards the last calibration serves while the next one runs.
 */
public final class ThresholdCalibrator {

    private static final Logger log = LoggerFactory.getLogger(ThresholdCalibrator.class);

    private final ThresholdCalibration calibration;
    private final Clock clock;
    private final Duration recalibrateEvery;
    private final Scheduler scheduler;
    private final LearnedMetrics metrics;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public ThresholdCalibrator(
            ThresholdCalibration calibration,
            Clock clock,
            Duration recalibrateEvery,
            Scheduler scheduler,
            LearnedMetrics metrics) {
        this.calibration = calibration;
        this.clock = clock;
        this.recalibrateEvery = recalibrateEvery;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    /**
     * The threshold in force for the tenant's group, if one was calibrated; starts a calibration on
     * {@code examples} when there is none yet or it is due.
     *
     * @param tiers the group's tiers, cheapest first
     */
    public Optional<Calibration> current(
            String tenant, String group, List<Integer> tiers, LearnedTarget target, List<LabeledExample> examples) {
        State state = states.computeIfAbsent(tenant + '\u0000' + group, k -> new State());
        Done done = state.done;
        if (due(done, examples.size()) && state.running.compareAndSet(false, true)) {
            Mono.fromCallable(() -> calibration.calibrate(tiers, examples, target))
                    .subscribeOn(scheduler)
                    .doFinally(signal -> state.running.set(false))
                    .subscribe(
                            result -> {
                                state.done = new Done(result, clock.instant(), examples.size());
                                metrics.calibrated(tenant, group, result);
                                if (!result.targetMet()) {
                                    log.warn(
                                            "learned group {} of {}: target {} is out of reach on {} prompts of"
                                                    + " feedback; routing for the best predicted quality ({})",
                                            group,
                                            tenant,
                                            target,
                                            result.prompts(),
                                            result.expectedQuality());
                                }
                            },
                            error -> log.warn(
                                    "learned group {} of {} not calibrated: {}", group, tenant, error.toString()));
        }
        return Optional.ofNullable(done).map(Done::calibration);
    }

    private boolean due(Done done, int examples) {
        if (done == null) {
            return true;
        }
        if (!done.at.plus(recalibrateEvery).isAfter(clock.instant())) {
            return true;
        }
        return Math.abs(examples - done.examples) > done.examples / 10;
    }

    private record Done(Calibration calibration, Instant at, int examples) {}

    private static final class State {
        final AtomicBoolean running = new AtomicBoolean();
        volatile Done done;
    }
}
