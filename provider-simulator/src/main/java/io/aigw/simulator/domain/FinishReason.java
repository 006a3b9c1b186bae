package io.aigw.simulator.domain;

/** Why generation ended: the answer was complete, or the request's output limit cut it. */
public enum FinishReason {
    STOP,
    LENGTH
}
