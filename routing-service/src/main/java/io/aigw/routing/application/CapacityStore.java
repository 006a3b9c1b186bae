package io.aigw.routing.application;

import io.aigw.routing.domain.CapacityScope;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Where RPM/TPM capacity is counted. A call takes one request and its tokens in every scope at once,
 * or in none; implementations shared by several replicas must make that one atomic step.
 */
public interface CapacityStore {

    /**
     * The outcome of a reservation; {@code retryAfter} says when the call would fit if refused.
     *
     * @param inUse per scope (in the order asked), what its window holds after the decision; empty
     *     when the store does not say
     */
    record Decision(boolean granted, Duration retryAfter, List<InUse> inUse) {
        public static final Decision GRANTED = new Decision(true, Duration.ZERO, List.of());

        public Decision {
            inUse = List.copyOf(inUse);
        }

        public static Decision refused(Duration retryAfter) {
            return new Decision(false, retryAfter, List.of());
        }

        public Decision with(List<InUse> inUse) {
            return new Decision(granted, retryAfter, inUse);
        }
    }

    /** Requests and tokens a scope's window holds. */
    record InUse(long requests, long tokens) {}

    /** Takes one request and {@code tokens} in every scope, or refuses and takes nothing. */
    Mono<Decision> reserve(List<CapacityScope> scopes, String id, long tokens);

    /** Replaces the estimate of reservation {@code id} with what the call really used. */
    Mono<Void> settle(List<CapacityScope> scopes, String id, long tokens);

    /** Gives a reservation back: the provider never accepted the call. */
    Mono<Void> release(List<CapacityScope> scopes, String id);

    /** Refuses every reservation in these scopes for {@code wait}: the provider said it is full. */
    Mono<Void> block(List<CapacityScope> scopes, Duration wait);
}
