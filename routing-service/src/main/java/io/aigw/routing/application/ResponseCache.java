package io.aigw.routing.application;

import io.aigw.routing.domain.CachePolicy;
import java.math.BigDecimal;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers earlier requests of the same tenant got. The cache is an optimisation: a lookup that
 * fails or takes too long is a miss, never a failed request, and storing happens off the request
 * path.
 */
public interface ResponseCache {

    /**
     * @param body the client's request as it sent it
     * @return a hit or {@link CachedAnswer#MISS}; never an error
     */
    Mono<CachedAnswer> lookup(String tenant, ObjectNode body, CachePolicy.Lookup mode);

    /**
     * Whether a lookup can find anything beyond an exact repeat; false while the cache has said it
     * runs without a semantic layer, so callers that answer exact repeats themselves skip the call.
     */
    default boolean answersSemantically() {
        return true;
    }

    /** Offers a fresh answer for later requests; returns at once. */
    void store(String tenant, ObjectNode body, ObjectNode answer, BigDecimal cost);

    /** A cache that is not there: every lookup misses. */
    ResponseCache NONE = new ResponseCache() {
        @Override
        public Mono<CachedAnswer> lookup(String tenant, ObjectNode body, CachePolicy.Lookup mode) {
            return Mono.just(CachedAnswer.MISS);
        }

        @Override
        public boolean answersSemantically() {
            return false;
        }

        @Override
        public void store(String tenant, ObjectNode body, ObjectNode answer, BigDecimal cost) {}
    };
}
