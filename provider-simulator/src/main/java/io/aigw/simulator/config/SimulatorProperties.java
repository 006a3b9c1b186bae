package io.aigw.simulator.config;

import io.aigw.simulator.domain.FailureKind;
import io.aigw.simulator.domain.Limits;
import io.aigw.simulator.domain.ModelProfile;
import io.aigw.simulator.domain.ReplaySource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code aigw.simulator.*}: the simulated models and the simulator's own settings.
 *
 * @param models profiles by model name; {@code default} applies to every model without its own profile
 * @param replay where the RouteLLM data lives
 * @param stats  how {@code GET /sim/stats} buckets traffic
 */
@Validated
@ConfigurationProperties("aigw.simulator")
public record SimulatorProperties(
        @DefaultValue Map<String, @Valid Profile> models,
        @DefaultValue @Valid Replay replay,
        @DefaultValue @Valid Stats stats) {

    /**
     * One simulated model. Fields left out take the built-in defaults below (not those of {@code default}).
     *
     * @param timeToFirstToken delay before the first token
     * @param perTokenDelay    delay between tokens
     * @param jitter           0..1, random spread applied to each delay
     * @param outputTokens     length of filler answers in tokens
     * @param failureRate      0..1, share of requests that get {@code failureKind}
     * @param failureKind      none, 429, 500, 503, 529, hang or stream-cut
     * @param hangDuration     how long a hang lasts (at most 10 min)
     * @param retryAfter       {@code retry-after} of an injected 429
     * @param rpm              enforced requests per minute, 0 = unlimited
     * @param tpm              enforced tokens per minute, 0 = unlimited
     * @param replay           weak, strong or none: replay RouteLLM's recorded answers
     */
    public record Profile(
            @DefaultValue("0ms") Duration timeToFirstToken,
            @DefaultValue("0ms") Duration perTokenDelay,
            @DefaultValue("0") double jitter,
            @DefaultValue("32") @Min(0) int outputTokens,
            @DefaultValue("0") double failureRate,
            @DefaultValue("none") String failureKind,
            @DefaultValue("120s") Duration hangDuration,
            @DefaultValue("1s") Duration retryAfter,
            @DefaultValue("0") @Min(0) long rpm,
            @DefaultValue("0") @Min(0) long tpm,
            @DefaultValue("none") String replay) {

        /** The checked domain profile; names the bad value when one is out of range. */
        public ModelProfile toDomain() {
            return new ModelProfile(
                    timeToFirstToken,
                    perTokenDelay,
                    jitter,
                    outputTokens,
                    failureRate,
                    FailureKind.parse(failureKind),
                    hangDuration,
                    retryAfter,
                    new Limits(rpm, tpm),
                    ReplaySource.parse(replay));
        }
    }

    /** @param dataDir the {@code routellm} folder of the shared data */
    public record Replay(@DefaultValue("../shared/data/routellm") @NotNull Path dataDir) {}

    /**
     * @param window      length of one fixed stats window
     * @param windowsKept how many recent windows to keep per model
     */
    public record Stats(@DefaultValue("60s") Duration window, @DefaultValue("60") @Min(1) int windowsKept) {}
}
