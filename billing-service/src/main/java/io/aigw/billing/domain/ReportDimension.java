package io.aigw.billing.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a usage report can group by; the wire name is the lower-case constant name. */
public enum ReportDimension {
    TENANT,
    KEY,
    MODEL,
    PROVIDER,
    TIER,
    DAY;

    /** The wire name, e.g. {@code tenant}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws BillingException.InvalidInput naming the value when there is no such dimension */
    public static ReportDimension parse(String value) {
        for (ReportDimension d : values()) {
            if (d.wireName().equals(value.strip())) {
                return d;
            }
        }
        throw new BillingException.InvalidInput(
                "group_by",
                "cannot group by '" + value + "'; choose from "
                        + Arrays.stream(values()).map(ReportDimension::wireName).collect(Collectors.joining(", ")));
    }
}
