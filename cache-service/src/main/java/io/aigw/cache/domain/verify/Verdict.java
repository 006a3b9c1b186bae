package io.aigw.cache.domain.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of comparing a stored prompt with an asked one.
 *
 * @param reason empty when the prompts ask the same thing
 * @param detail the words that decided a rejection, for logs; empty when accepted
 */
public record Verdict(Optional<RejectionReason> reason, String detail) {

    private static final Verdict SAME = new Verdict(Optional.empty(), "");

    public Verdict {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public static Verdict same() {
        return SAME;
    }

    public static Verdict rejected(RejectionReason reason, String detail) {
        return new Verdict(Optional.of(reason), detail);
    }

    public boolean accepted() {
        return reason.isEmpty();
    }
}
