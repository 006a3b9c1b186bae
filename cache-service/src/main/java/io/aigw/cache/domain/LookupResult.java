package io.aigw.cache.domain;

import java.util.Optional;

/** The answer to a lookup: an exact hit, a verified semantic hit, or a miss. */
public sealed interface LookupResult {

    /** The wire label: {@code hit-exact}, {@code hit-semantic} or {@code miss}. */
    String label();

    record ExactHit(CachedAnswer answer) implements LookupResult {
        @Override
        public String label() {
            return "hit-exact";
        }
    }

    /**
     * @param similarity cosine similarity of the asked prompt to the stored one
     */
    record SemanticHit(CachedAnswer answer, double similarity) implements LookupResult {
        @Override
        public String label() {
            return "hit-semantic";
        }
    }

    /**
     * @param bestSimilarity similarity of the nearest candidate seen, if any (for evaluation and logs)
     */
    record Miss(Optional<Double> bestSimilarity) implements LookupResult {
        public static final Miss NONE = new Miss(Optional.empty());

        @Override
        public String label() {
            return "miss";
        }
    }
}
