package io.aigw.simulator.application;

import io.aigw.simulator.domain.EmbeddingGenerator;
import io.aigw.simulator.domain.FailureKind;
import io.aigw.simulator.domain.FaultPicker;
import io.aigw.simulator.domain.GeneratedText;
import io.aigw.simulator.domain.LimitDecision;
import io.aigw.simulator.domain.ModelProfile;
import io.aigw.simulator.domain.ProfileRegistry;
import io.aigw.simulator.domain.ProfileUpdate;
import io.aigw.simulator.domain.ReplayAnswer;
import io.aigw.simulator.domain.ReplaySource;
import io.aigw.simulator.domain.SlidingWindowRateLimiter;
import io.aigw.simulator.domain.TextGenerator;
import io.aigw.simulator.domain.TokenCounter;
import io.aigw.simulator.domain.TrafficCounts;
import io.aigw.simulator.domain.TrafficStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated provider's decisions: which profile applies, whether a fault strikes, what the answer is, and
 * whether the limiter lets it through. Timing and wire formats are the web adapter's business.
 */
public final class Simulator {

    private final ProfileRegistry profiles;
    private final TokenCounter tokens;
    private final TextGenerator generator;
    private final EmbeddingGenerator embeddings;
    private final FaultPicker faults;
    private final SlidingWindowRateLimiter limiter;
    private final TrafficStats stats;
    private final ReplayLibrary replay;
    private final RequestMetrics metrics;
    private final Clock clock;
    private final Object admission = new Object();
    private final AtomicInteger openHangs = new AtomicInteger();

    public Simulator(
            ProfileRegistry profiles,
            TokenCounter tokens,
            FaultPicker faults,
            SlidingWindowRateLimiter limiter,
            TrafficStats stats,
            ReplayLibrary replay,
            RequestMetrics metrics,
            Clock clock) {
        this.profiles = profiles;
        this.tokens = tokens;
        this.generator = new TextGenerator(tokens);
        this.embeddings = new EmbeddingGenerator();
        this.faults = faults;
        this.limiter = limiter;
        this.stats = stats;
        this.replay = replay;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Outcome<ChatAnswer> chat(ChatCall call, String api) {
        ProfileRegistry.Resolved resolved = profiles.resolve(call.model());
        ModelProfile profile = resolved.profile();
        int promptTokens = tokens.countPrompt(call.messages());
        FailureKind fault = faults.pick(profile);
        if (fault.status() > 0) {
            return fail(call.model(), resolved, api, fault, promptTokens);
        }
        String lastUser = call.lastUserMessage();
        ReplayAnswer recorded = profile.replay() == ReplaySource.NONE
                ? null
                : replay.find(lastUser, profile.replay()).orElse(null);
        GeneratedText text = generator.generate(
                lastUser, recorded == null ? null : recorded.text(), profile.outputTokens(), call.maxTokens());
        ChatAnswer answer = new ChatAnswer(promptTokens, text, recorded);
        return admit(call.model(), resolved, api, answer, answer.totalTokens(), fault);
    }

    public Outcome<EmbeddingAnswer> embed(String model, List<String> inputs, int dimensions) {
        ProfileRegistry.Resolved resolved = profiles.resolve(model);
        int promptTokens = inputs.stream().mapToInt(tokens::count).sum();
        FailureKind fault = faults.pick(resolved.profile());
        if (fault.status() > 0) {
            return fail(model, resolved, "embeddings", fault, promptTokens);
        }
        List<float[]> vectors =
                inputs.stream().map(text -> embeddings.embed(text, dimensions)).toList();
        // Hangs and cut streams are chat-delivery faults; embeddings are answered normally.
        return admit(
                model,
                resolved,
                "embeddings",
                new EmbeddingAnswer(vectors, promptTokens),
                promptTokens,
                FailureKind.NONE);
    }

    private <T> Outcome<T> fail(
            String model, ProfileRegistry.Resolved resolved, String api, FailureKind fault, int promptTokens) {
        stats.record(model, TrafficCounts.Outcome.FAILED, promptTokens, clock.instant());
        metrics.record(resolved.name(), api, fault.label());
        ModelProfile profile = resolved.profile();
        return new Outcome.Faulted<>(fault, LimitDecision.injected(profile.limits(), profile.retryAfter()));
    }

    private <T> Outcome<T> admit(
            String model, ProfileRegistry.Resolved resolved, String api, T answer, long cost, FailureKind fault) {
        LimitDecision decision;
        // One lock around decision and record keeps the stats' timeline in the limiter's order, so the stats'
        // sliding maximum can be trusted as proof that the limits held.
        synchronized (admission) {
            Instant now = clock.instant();
            decision = limiter.tryAcquire(model, resolved.profile().limits(), cost, now);
            stats.record(
                    model,
                    decision.accepted() ? TrafficCounts.Outcome.ACCEPTED : TrafficCounts.Outcome.REJECTED,
                    cost,
                    now);
        }
        if (!decision.accepted()) {
            metrics.record(resolved.name(), api, "rate_limited");
            return new Outcome.Refused<>(decision);
        }
        metrics.record(resolved.name(), api, fault == FailureKind.NONE ? "ok" : fault.label());
        return new Outcome.Served<>(answer, resolved.name(), resolved.profile(), fault, decision);
    }

    /** Marks a hang as started; pair with {@link #hangEnded()}. */
    public void hangStarted() {
        openHangs.incrementAndGet();
    }

    public void hangEnded() {
        openHangs.decrementAndGet();
    }

    /** Requests currently held by a {@link FailureKind#HANG}. */
    public int openHangs() {
        return openHangs.get();
    }

    /** {@code base} with the profile's jitter applied. */
    public Duration jittered(Duration base, double jitter) {
        return faults.jittered(base, jitter);
    }

    /** Changes a model's profile at run time; returns the profile that now applies. */
    public ModelProfile updateProfile(String model, ProfileUpdate update) {
        ModelProfile updated = profiles.update(model, update);
        if (updated.replay() != ReplaySource.NONE) {
            replay.warmUp();
        }
        return updated;
    }

    /** Restores every profile to its configuration and forgets all traffic: limiter windows and stats. */
    public void reset() {
        profiles.restoreAll();
        limiter.reset();
        stats.reset();
    }

    public ProfileRegistry profiles() {
        return profiles;
    }

    public TrafficStats stats() {
        return stats;
    }

    public Clock clock() {
        return clock;
    }
}
