package io.aigw.simulator.application;

import io.aigw.simulator.domain.ReplayAnswer;
import io.aigw.simulator.domain.ReplaySource;
import java.util.Optional;

/** Recorded benchmark answers, looked up by prompt. */
public interface ReplayLibrary {

    /** The recorded answer of {@code source} for {@code prompt}, if the prompt is a recorded one. */
    Optional<ReplayAnswer> find(String prompt, ReplaySource source);

    /** Loads the answers now rather than on the first request, e.g. when replay is switched on at run time. */
    default void warmUp() {}
}
