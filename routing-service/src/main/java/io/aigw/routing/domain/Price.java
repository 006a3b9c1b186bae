package io.aigw.routing.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/** A model's list price in USD per million tokens. */
public record Price(BigDecimal inputPerMtok, BigDecimal outputPerMtok) {

    public static final Price FREE = new Price(BigDecimal.ZERO, BigDecimal.ZERO);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public Price {
        inputPerMtok = inputPerMtok == null ? BigDecimal.ZERO : inputPerMtok;
        outputPerMtok = outputPerMtok == null ? BigDecimal.ZERO : outputPerMtok;
        if (inputPerMtok.signum() < 0 || outputPerMtok.signum() < 0) {
            throw new IllegalArgumentException(
                    "price must not be negative, was input " + inputPerMtok + " / output " + outputPerMtok);
        }
    }

    /** The exact cost in USD of the given token counts (no floating point: money is summed later). */
    public BigDecimal cost(long promptTokens, long completionTokens) {
        return inputPerMtok
                .multiply(BigDecimal.valueOf(promptTokens))
                .add(outputPerMtok.multiply(BigDecimal.valueOf(completionTokens)))
                .divide(MILLION, MathContext.DECIMAL64)
                .stripTrailingZeros();
    }
}
