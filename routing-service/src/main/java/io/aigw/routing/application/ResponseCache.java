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

    /** Offers a fresh answer for later requests; returns at once. */
    void store(String tenant, ObjectNode body, ObjectNode answer, BigDecimal cost);

    /** A cache that is not there: every lookup misses. */
    ResponseCache NONE = new ResponseCache() {
        @Override
        public Mono<CachedAnswer> lookup(String tenant, ObjectNode body, CachePolicy.Lookup mode) {
            return Mono.just(CachedAnswer.MISS);
        }

        @Override
        public void store(String tenant, ObjectNode body, ObjectNode answer, BigDecimal cost) {}
    };
}
