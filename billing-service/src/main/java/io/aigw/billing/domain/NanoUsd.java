package io.aigw.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Budget counters in Redis are integers of 10⁻⁹ USD, because a Lua script cannot add decimals
 * exactly. Amounts are rounded up, so the counters never under-state spend; the ledger keeps the
 * exact decimal. 2⁵³ nano-USD (the exact range of a Lua number) is about 9 million USD per tenant
 * and month.
 */
public final class NanoUsd {

    private static final int SCALE = 9;
    /** The largest amount a Lua number holds exactly. */
    public static final long MAX = 1L << 53;

    private NanoUsd() {}

    /**
     * @throws BillingException.InvalidInput when the amount is negative or beyond {@link #MAX}
     */
    public static long ceil(BigDecimal usd) {
        if (usd.signum() < 0) {
            throw new BillingException.InvalidInput(
                    "amount", "amount must not be negative, was " + usd.toPlainString());
        }
        BigDecimal nanos = usd.setScale(SCALE, RoundingMode.CEILING);
        if (nanos.unscaledValue().bitLength() > 53) {
            throw new BillingException.InvalidInput("amount", "amount is too large: " + usd.toPlainString());
        }
        return nanos.unscaledValue().longValueExact();
    }

    public static BigDecimal toUsd(long nanos) {
        BigDecimal usd = BigDecimal.valueOf(nanos, SCALE).stripTrailingZeros();
        return usd.scale() < 0 ? usd.setScale(0) : usd;
    }
}
