package io.aigw.bench.cache.domain;

/**
 * The load averages of {@code /proc/loadavg} (first three fields), as {@code uptime} prints them.
 *
 * @param one the 1-minute load average
 * @param five the 5-minute one
 * @param fifteen the 15-minute one
 */
public record MachineLoad(double one, double five, double fifteen) {

    public static final MachineLoad UNKNOWN = new MachineLoad(-1, -1, -1);

    /** Parses {@code "0.52 0.61 0.70 1/234 5678"}; {@link #UNKNOWN} when unreadable. */
    public static MachineLoad parse(String loadavg) {
        String[] fields = loadavg == null ? new String[0] : loadavg.trim().split("\\s+");
        if (fields.length < 3) {
            return UNKNOWN;
        }
        try {
            return new MachineLoad(
                    Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    public boolean known() {
        return one >= 0;
    }

    @Override
    public String toString() {
        return known() ? String.format(java.util.Locale.ROOT, "%.2f, %.2f, %.2f", one, five, fifteen) : "unknown";
    }
}
