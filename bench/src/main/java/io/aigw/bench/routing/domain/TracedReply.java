package io.aigw.bench.routing.domain;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A reply with the route headers the learned benchmark needs.
 *
 * @param requestId {@code x-aigw-request-id}, what feedback refers to; empty when absent
 * @param tierScores {@code x-aigw-tier-scores}, e.g. {@code 1=0.6234,3=0.8811}; empty when absent
 * @param tierThreshold {@code x-aigw-tier-threshold}, the threshold the learned group applied; empty
 *     when absent
 */
public record TracedReply(Reply reply, String requestId, String tierScores, String tierThreshold) {

    public TracedReply {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tierScores, "tierScores");
        Objects.requireNonNull(tierThreshold, "tierThreshold");
    }

    public TracedReply(Reply reply, String requestId, String tierScores) {
        this(reply, requestId, tierScores, "");
    }

    /** The threshold the learned group applied, when it sent one. */
    public OptionalDouble threshold() {
        return tierThreshold.isBlank()
                ? OptionalDouble.empty()
                : OptionalDouble.of(Double.parseDouble(tierThreshold.strip()));
    }

    /** The learned group's predicted probability of a good answer for a tier, when it sent one. */
    public OptionalDouble tierScore(int tier) {
        for (String part : tierScores.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equals(Integer.toString(tier))) {
                return OptionalDouble.of(
                        Double.parseDouble(part.substring(eq + 1).strip()));
            }
        }
        return OptionalDouble.empty();
    }
}
