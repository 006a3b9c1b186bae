package io.aigw.api.budget;

import io.aigw.api.ClasspathText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The budget counters' Redis layout and scripts, shared by billing (which owns them) and routing
 * (which places holds with the same script on the request path, ADR 0022 amendment). Keys carry the
 * tenant as a hash tag, so a Redis Cluster keeps one tenant's keys in one slot.
 */
public final class BudgetHolds {

    /** Tenant ids billing accepts; a hold id names its tenant, so only these can have one. */
    public static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** The hold script's answer: granted, refused, the month not initialised, the limit not published. */
    public static final long GRANTED = 1;

    public static final long REFUSED = 0;
    public static final long UNINITIALISED = -2;
    public static final long LIMIT_UNKNOWN = -3;

    /** Passed as the limit: the script reads the limit billing published under {@link #limitKey}. */
    public static final String LOOKUP_LIMIT = "lookup";

    private BudgetHolds() {}

    /** Budgets run per calendar month in UTC. */
    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    }

    /** The three keys of one tenant's month: the counter hash, the holds hash, the hold deadlines. */
    public static List<String> monthKeys(String tenantId, YearMonth month) {
        String base = "aigw:budget:{" + tenantId + "}:" + month;
        return List.of(base, base + ":holds", base + ":expiry");
    }

    /** Where billing publishes the tenant's monthly budget in nano-USD ({@code -1}: none). */
    public static String limitKey(String tenantId) {
        return "aigw:budget:{" + tenantId + "}:limit";
    }

    /** {@code h-<tenant>-<YYYY-MM>-<32 hex>}: the id names the counter it belongs to. */
    public static String holdId(String tenantId, YearMonth month, byte[] random16) {
        return "h-" + tenantId + "-" + month + "-" + HexFormat.of().formatHex(random16);
    }

    /** An amount in nano-USD, rounded up: a hold never covers less than the cost it stands for. */
    public static long nanos(BigDecimal usd) {
        return usd.setScale(9, RoundingMode.CEILING).unscaledValue().longValueExact();
    }

    /** A script: the shared head (expired holds released, key helpers) followed by its body. */
    public static String script(String name) {
        return read("budget-common.lua") + "\n" + read(name);
    }

    private static String read(String name) {
        return ClasspathText.read(BudgetHolds.class, "io/aigw/api/budget/" + name);
    }
}
