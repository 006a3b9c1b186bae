package io.aigw.simulator.application;

import io.aigw.simulator.domain.FailureKind;
import io.aigw.simulator.domain.LimitDecision;
import io.aigw.simulator.domain.ModelProfile;

/**
 * What the simulator decided for one request.
 *
 * @param <T> the answer type
 */
public sealed interface Outcome<T> {

    /**
     * The request passed the limiter and gets an answer; {@code fault} may still be {@link FailureKind#HANG} or
     * {@link FailureKind#STREAM_CUT}, which spoil the delivery, not the decision.
     */
    record Served<T>(T answer, String profileName, ModelProfile profile, FailureKind fault, LimitDecision limit)
            implements Outcome<T> {}

    /** The RPM/TPM limiter refused the request. */
    record Refused<T>(LimitDecision limit) implements Outcome<T> {}

    /** An injected status fault (429, 500, 503, 529); {@code limit} fills the headers of an injected 429. */
    record Faulted<T>(FailureKind kind, LimitDecision limit) implements Outcome<T> {}
}
