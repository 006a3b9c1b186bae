package io.aigw.billing.domain;

import java.math.BigInteger;
import java.util.List;

/**
 * The alert thresholds (percent of the monthly budget) a spend increase crosses. Pure; because every
 * increase of a tenant's month counter is atomic, exactly one increase crosses each threshold, so an
 * alert fires once per tenant, month and threshold across all billing replicas.
 *
 * @param thresholdsPercent ascending, each 1..1000
 */
public record BudgetAlerts(List<Integer> thresholdsPercent) {

    /** Checks that the thresholds ascend within 1..1000. */
    public BudgetAlerts {
        thresholdsPercent = List.copyOf(thresholdsPercent);
        for (int i = 0; i < thresholdsPercent.size(); i++) {
            int t = thresholdsPercent.get(i);
            if (t < 1 || t > 1000 || (i > 0 && t <= thresholdsPercent.get(i - 1))) {
                throw new IllegalArgumentException(
                        "alert thresholds must be ascending percentages within 1..1000, were " + thresholdsPercent);
            }
        }
    }

    /**
     * The thresholds {@code t} with {@code before < t% of limit <= after}; none for an unlimited
     * ({@code limit < 0}) or zero budget. Integer arithmetic, so a threshold is never missed or
     * repeated by rounding.
     */
    public List<Integer> crossed(long beforeNanos, long afterNanos, long limitNanos) {
        if (limitNanos <= 0 || afterNanos <= beforeNanos) {
            return List.of();
        }
        BigInteger before = BigInteger.valueOf(beforeNanos).multiply(BigInteger.valueOf(100));
        BigInteger after = BigInteger.valueOf(afterNanos).multiply(BigInteger.valueOf(100));
        BigInteger limit = BigInteger.valueOf(limitNanos);
        return thresholdsPercent.stream()
                .filter(t -> {
                    BigInteger mark = limit.multiply(BigInteger.valueOf(t));
                    return before.compareTo(mark) < 0 && after.compareTo(mark) >= 0;
                })
                .toList();
    }
}
