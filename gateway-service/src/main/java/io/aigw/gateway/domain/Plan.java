package io.aigw.gateway.domain;

/**
 * What a tenant (or one of its keys) may use: requests and tokens (prompt plus completion) per
 * minute, and requests and tokens per UTC day; 0 means no limit of that kind.
 *
 * @param rpm requests per minute, counted in an exact sliding window
 * @param tpm tokens per minute, same window
 * @param requestsPerDay requests per UTC day
 * @param tokensPerDay tokens per UTC day
 */
public record Plan(long rpm, long tpm, long requestsPerDay, long tokensPerDay) {

    public static final Plan UNLIMITED = new Plan(0, 0, 0, 0);

    public Plan {
        if (rpm < 0 || tpm < 0 || requestsPerDay < 0 || tokensPerDay < 0) {
            throw new IllegalArgumentException("plan limits must not be negative, were rpm=" + rpm + ", tpm=" + tpm
                    + ", requests-per-day=" + requestsPerDay + ", tokens-per-day=" + tokensPerDay);
        }
    }

    public boolean isUnlimited() {
        return rpm == 0 && tpm == 0 && requestsPerDay == 0 && tokensPerDay == 0;
    }

    /** The value of one kind of limit (0 = none). */
    public long limitOf(LimitKind kind) {
        return switch (kind) {
            case RPM -> rpm;
            case TPM -> tpm;
            case REQUESTS_PER_DAY -> requestsPerDay;
            case TOKENS_PER_DAY -> tokensPerDay;
        };
    }

    /**
     * This replica's part while the shared count is out of reach: every replica keeps to its share,
     * so together they stay within the plan. Rounds down, but never to "unlimited".
     */
    public Plan shareOf(int replicas) {
        int n = Math.max(1, replicas);
        return new Plan(share(rpm, n), share(tpm, n), share(requestsPerDay, n), share(tokensPerDay, n));
    }

    private static long share(long limit, int replicas) {
        return limit == 0 ? 0 : Math.max(1, limit / replicas);
    }
}
