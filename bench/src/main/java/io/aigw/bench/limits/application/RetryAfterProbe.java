package io.aigw.bench.limits.application;

import io.aigw.bench.limits.domain.Arrival;
import io.aigw.bench.limits.domain.Outcome;
import io.aigw.bench.limits.domain.ProbeResult;
import io.aigw.bench.limits.domain.RequestResult;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Right after the load, while the cheap model's last minute is still full: requests pinned to it (a
 * plan with nothing to spill to) until routing refuses one, then — after exactly the {@code
 * retry-after} it advertised — the same request once more. Routing's advice is right when that second
 * request is answered.
 */
public final class RetryAfterProbe {

    /** Large enough not to fit a nearly full window, small enough to fit once the oldest calls leave it. */
    static final int PROMPT_TOKENS = 4_000;

    static final int MAX_TOKENS = 256;
    static final int MAX_TRIES = 40;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(65);

    private final ChatClient client;

    public RetryAfterProbe(ChatClient client) {
        this.client = client;
    }

    public ProbeResult run(String pinnedModel) {
        Arrival probe = new Arrival(-1, Duration.ZERO, PROMPT_TOKENS, MAX_TOKENS, 0);
        RequestResult refusal = null;
        int tries = 0;
        while (tries < MAX_TRIES) {
            tries++;
            RequestResult r = client.send(probe, pinnedModel).join();
            if (r.outcome() != Outcome.ANSWERED) {
                refusal = r;
                break;
            }
        }
        if (refusal == null) {
            return new ProbeResult(tries, 0, "", OptionalLong.empty(), 0, "no refusal in " + MAX_TRIES + " tries");
        }
        OptionalLong retryAfter = refusal.retryAfterSeconds();
        if (retryAfter.isEmpty() || retryAfter.getAsLong() < 0) {
            return new ProbeResult(tries, refusal.status(), refusal.detail(), retryAfter, 0, "no usable retry-after");
        }
        Duration wait = Duration.ofSeconds(retryAfter.getAsLong());
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            return new ProbeResult(tries, refusal.status(), refusal.detail(), retryAfter, 0, "retry-after too long");
        }
        try {
            Thread.sleep(wait.toMillis()); // the wait under test: what routing told the client to wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        RequestResult again = client.send(probe, pinnedModel).join();
        String detail = again.outcome() == Outcome.ANSWERED ? again.answeredBy() : again.detail();
        return new ProbeResult(tries, refusal.status(), refusal.detail(), retryAfter, again.status(), detail);
    }
}
