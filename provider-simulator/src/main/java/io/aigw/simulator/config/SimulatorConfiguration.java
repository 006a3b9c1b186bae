package io.aigw.simulator.config;

import io.aigw.simulator.adapter.out.metrics.MicrometerRequestMetrics;
import io.aigw.simulator.adapter.out.routellm.RouteLlmReplayLibrary;
import io.aigw.simulator.application.Simulator;
import io.aigw.simulator.domain.FaultPicker;
import io.aigw.simulator.domain.ModelProfile;
import io.aigw.simulator.domain.ProfileRegistry;
import io.aigw.simulator.domain.SlidingWindowRateLimiter;
import io.aigw.simulator.domain.TokenCounter;
import io.aigw.simulator.domain.TrafficStats;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Turns {@link SimulatorProperties} into the domain objects and wires the simulator. */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    @Bean
    Clock simulatorClock() {
        return Clock.systemUTC();
    }

    @Bean
    ProfileRegistry profileRegistry(SimulatorProperties properties) {
        Map<String, ModelProfile> profiles = new LinkedHashMap<>();
        properties.models().forEach((model, profile) -> {
            try {
                profiles.put(model, profile.toDomain());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("aigw.simulator.models." + model + ": " + e.getMessage(), e);
            }
        });
        return new ProfileRegistry(profiles);
    }

    @Bean
    RouteLlmReplayLibrary replayLibrary(SimulatorProperties properties) {
        return new RouteLlmReplayLibrary(properties.replay().dataDir());
    }

    @Bean
    TokenCounter tokenCounter() {
        return new TokenCounter();
    }

    @Bean
    Simulator simulator(
            ProfileRegistry profiles,
            TokenCounter tokens,
            RouteLlmReplayLibrary replay,
            SimulatorProperties properties,
            MeterRegistry meters,
            Clock clock) {
        return new Simulator(
                profiles,
                tokens,
                new FaultPicker(new Random()),
                new SlidingWindowRateLimiter(),
                new TrafficStats(properties.stats().window(), properties.stats().windowsKept()),
                replay,
                new MicrometerRequestMetrics(meters),
                clock);
    }

    /** Loads replay data at start-up only when a configured profile needs it; a run-time switch loads it lazily. */
    @EventListener(ApplicationReadyEvent.class)
    void preloadReplay(ApplicationReadyEvent event) {
        ProfileRegistry profiles = event.getApplicationContext().getBean(ProfileRegistry.class);
        if (profiles.configuredReplay()) {
            event.getApplicationContext().getBean(RouteLlmReplayLibrary.class).book();
        }
    }
}
