package io.aigw.simulator.adapter.in.web;

import io.aigw.simulator.application.ChatAnswer;
import org.springframework.http.HttpHeaders;

/**
 * The simulator's own response headers, for tests and benchmarks: which profile answered and, on replay, which
 * data set the answer came from and whether RouteLLM labelled it correct.
 */
final class SimulatorHeaders {

    private SimulatorHeaders() {}

    static void describe(HttpHeaders headers, String profileName, ChatAnswer answer) {
        headers.set("x-sim-profile", profileName);
        if (answer.replay() != null) {
            headers.set("x-sim-replay", answer.replay().dataset());
            headers.set("x-sim-replay-correct", Boolean.toString(answer.replay().correct()));
        }
    }
}
