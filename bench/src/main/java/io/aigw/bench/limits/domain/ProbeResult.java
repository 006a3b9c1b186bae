package io.aigw.bench.limits.domain;

import java.util.OptionalLong;

/**
 * The retry-after check after the load: requests pinned to the cheap model (no other deployment to
 * spill to) until routing refuses one, then the same request again once its {@code retry-after} has
 * passed.
 *
 * @param tries pinned requests sent until the first refusal (or the try limit)
 * @param refusedStatus the status of the refusal (0 when none came)
 * @param refusedCode its error code, e.g. {@code no_capacity}
 * @param retryAfterSeconds its {@code retry-after}, when it carried one
 * @param retryStatus the status of the request sent again after {@code retry-after} (0 when not sent)
 * @param retryDetail what that answer said: the deployment, or the error code
 */
public record ProbeResult(
        int tries,
        int refusedStatus,
        String refusedCode,
        OptionalLong retryAfterSeconds,
        int retryStatus,
        String retryDetail) {

    /** A refusal that carried {@code retry-after}, and a retry after it that was answered. */
    public boolean retryAfterHeld() {
        return refusedStatus == 503 && retryAfterSeconds.isPresent() && retryStatus == 200;
    }
}
