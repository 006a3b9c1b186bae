package io.aigw.routing.domain;

/**
 * What a provider allows us per minute: requests and tokens (prompt plus completion), 0 meaning no
 * limit of that kind.
 */
public record RateLimit(long requestsPerMinute, long tokensPerMinute) {

    public static final RateLimit NONE = new RateLimit(0, 0);

    public RateLimit {
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException(
                    "limits must not be negative, were rpm=" + requestsPerMinute + ", tpm=" + tokensPerMinute);
        }
    }

    public boolean isUnlimited() {
        return requestsPerMinute == 0 && tokensPerMinute == 0;
    }

    /**
     * This replica's share when the shared count is out of reach: every replica keeps to its part, so
     * together they stay within the limit. Rounds down, but never to "unlimited".
     */
    public RateLimit shareOf(int replicas) {
        int n = Math.max(1, replicas);
        return new RateLimit(share(requestsPerMinute, n), share(tokensPerMinute, n));
    }

    private static long share(long limit, int replicas) {
        return limit == 0 ? 0 : Math.max(1, limit / replicas);
    }
}
