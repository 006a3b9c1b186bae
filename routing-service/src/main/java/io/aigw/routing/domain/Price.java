package io.aigw.routing.domain;

import java.math.BigDecimal;

/** A model's list price in USD per million tokens. */
public record Price(BigDecimal inputPerMtok, BigDecimal outputPerMtok) {

    public static final Price FREE = new Price(BigDecimal.ZERO, BigDecimal.ZERO);

    public Price {
        inputPerMtok = inputPerMtok == null ? BigDecimal.ZERO : inputPerMtok;
        outputPerMtok = outputPerMtok == null ? BigDecimal.ZERO : outputPerMtok;
        if (inputPerMtok.signum() < 0 || outputPerMtok.signum() < 0) {
            throw new IllegalArgumentException(
                    "price must not be negative, was input " + inputPerMtok + " / output " + outputPerMtok);
        }
    }
}
