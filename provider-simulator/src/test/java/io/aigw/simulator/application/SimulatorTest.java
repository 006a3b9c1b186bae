package io.aigw.simulator.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.aigw.simulator.domain.ChatMessage;
import io.aigw.simulator.domain.FailureKind;
import io.aigw.simulator.domain.FaultPicker;
import io.aigw.simulator.domain.ModelProfile;
import io.aigw.simulator.domain.MutableClock;
import io.aigw.simulator.domain.ProfileRegistry;
import io.aigw.simulator.domain.ProfileUpdate;
import io.aigw.simulator.domain.ReplayAnswer;
import io.aigw.simulator.domain.ReplaySource;
import io.aigw.simulator.domain.SlidingWindowRateLimiter;
import io.aigw.simulator.domain.TokenCounter;
import io.aigw.simulator.domain.TrafficCounts;
import io.aigw.simulator.domain.TrafficStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final TokenCounter tokens = new TokenCounter();
    private final ReplayLibrary replay = (prompt, source) -> "What is 2+2?".equals(prompt)
            ? Optional.of(new ReplayAnswer(source == ReplaySource.STRONG ? "4" : "5", "gsm8k", true))
            : Optional.empty();
    private final Simulator simulator = new Simulator(
            new ProfileRegistry(Map.of()),
            tokens,
            new FaultPicker(new Random(1)),
            new SlidingWindowRateLimiter(),
            new TrafficStats(Duration.ofSeconds(60), 10),
            replay,
            RequestMetrics.NONE,
            clock);

    @Test
    void shouldAnswerWithUsageFromTheTokenizer() {
        ChatCall call = new ChatCall("any", List.of(new ChatMessage("user", "Say hi")), null);

        Outcome.Served<ChatAnswer> served = (Outcome.Served<ChatAnswer>) simulator.chat(call, "chat");

        assertThat(served.profileName()).isEqualTo("default");
        assertThat(served.answer().promptTokens()).isEqualTo(tokens.countPrompt(call.messages()));
        assertThat(served.answer().text().completionTokens()).isEqualTo(ModelProfile.DEFAULT.outputTokens());
    }

    @Test
    void shouldEnforceRpmAndRecoverAfterTheWindow() {
        simulator.updateProfile("limited", update(2L, null, null));
        ChatCall call = new ChatCall("limited", List.of(new ChatMessage("user", "x")), 5);

        assertThat(simulator.chat(call, "chat")).isInstanceOf(Outcome.Served.class);
        assertThat(simulator.chat(call, "chat")).isInstanceOf(Outcome.Served.class);
        Outcome<ChatAnswer> third = simulator.chat(call, "chat");
        clock.advance(SlidingWindowRateLimiter.WINDOW);
        Outcome<ChatAnswer> later = simulator.chat(call, "chat");

        assertThat(third).isInstanceOf(Outcome.Refused.class);
        assertThat(later).isInstanceOf(Outcome.Served.class);
        TrafficCounts totals = simulator.stats().snapshot().get("limited").totals();
        assertThat(totals.acceptedRequests()).isEqualTo(3);
        assertThat(totals.rejectedRequests()).isEqualTo(1);
        assertThat(simulator.stats().snapshot().get("limited").maxRequestsPerMinute())
                .isEqualTo(2);
    }

    @Test
    void shouldCountInjectedFaultsAsFailedWithoutTakingFromTheLimit() {
        simulator.updateProfile("broken", update(1L, FailureKind.SERVER_ERROR, null));
        ChatCall call = new ChatCall("broken", List.of(new ChatMessage("user", "x")), null);

        Outcome<ChatAnswer> outcome = simulator.chat(call, "chat");

        assertThat(outcome)
                .isEqualTo(new Outcome.Faulted<ChatAnswer>(
                        FailureKind.SERVER_ERROR, ((Outcome.Faulted<ChatAnswer>) outcome).limit()));
        assertThat(simulator.stats().snapshot().get("broken").totals().failedRequests())
                .isEqualTo(1);
    }

    @Test
    void shouldReplayTheRecordedAnswerOfTheLastUserMessage() {
        simulator.updateProfile("strong", update(null, null, ReplaySource.STRONG));
        ChatCall call = new ChatCall(
                "strong",
                List.of(
                        new ChatMessage("user", "earlier"),
                        new ChatMessage("assistant", "ok"),
                        new ChatMessage("user", "What is 2+2?")),
                null);

        Outcome.Served<ChatAnswer> served = (Outcome.Served<ChatAnswer>) simulator.chat(call, "chat");

        assertThat(served.answer().text().text()).isEqualTo("4");
        assertThat(served.answer().replay().dataset()).isEqualTo("gsm8k");
    }

    @Test
    void shouldForgetOverridesAndTrafficOnReset() {
        simulator.updateProfile("m", update(1L, null, null));
        simulator.chat(new ChatCall("m", List.of(new ChatMessage("user", "x")), null), "chat");

        simulator.reset();

        assertThat(simulator.profiles().resolve("m").name()).isEqualTo("default");
        assertThat(simulator.stats().snapshot()).isEmpty();
    }

    private static ProfileUpdate update(Long rpm, FailureKind kind, ReplaySource replay) {
        return new ProfileUpdate(
                null, null, null, null, kind == null ? null : 1.0, kind, null, null, rpm, null, replay);
    }
}
