package io.aigw.cache.application;

import io.aigw.cache.domain.verify.RejectionReason;
import java.math.BigDecimal;
import java.time.Duration;

/** What the cache reports to operators. Implementations must not throw. */
public interface CacheMetrics {

    /** @param result {@code hit-exact}, {@code hit-semantic} or {@code miss} */
    void lookup(String result, Duration latency);

    /** @param outcome {@code served}, {@code rejected} (by the verifier) or {@code below_threshold} */
    void candidate(String outcome, double similarity);

    void rejection(RejectionReason reason);

    /** @param backend {@code redis}, {@code semantic_index} or {@code embedder} */
    void backendError(String backend, String operation);

    void saved(BigDecimal usd);

    /** @param outcome a layer that stored ({@code exact}, {@code semantic}) or why nothing was stored */
    void store(String outcome);

    /** No metrics: for the evaluation command and unit tests. */
    CacheMetrics NONE = new CacheMetrics() {
        @Override
        public void lookup(String result, Duration latency) {}

        @Override
        public void candidate(String outcome, double similarity) {}

        @Override
        public void rejection(RejectionReason reason) {}

        @Override
        public void backendError(String backend, String operation) {}

        @Override
        public void saved(BigDecimal usd) {}

        @Override
        public void store(String outcome) {}
    };
}
