package io.aigw.bench.soak.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process's native memory as the JVM's own tracking counts it ({@code jcmd <pid>
 * VM.native_memory summary}), next to its RSS at the same moment: committed KB per category (Java
 * Heap, Class, Thread, Code, GC, Internal, Other, ...), their total, and what the kernel holds
 * beyond them (glibc arenas and fragmentation, native libraries' own allocations).
 *
 * @param seconds since the load started
 * @param rssKb resident set size when the summary was taken
 * @param committedKb committed KB per category, in the JVM's order
 * @param totalCommittedKb the summary's total
 */
public record NativeMemory(double seconds, long rssKb, Map<String, Long> committedKb, long totalCommittedKb) {

    private static final Pattern TOTAL =
            Pattern.compile("^Total: reserved=\\d+(KB|MB|GB)?, committed=(\\d+)(KB|MB|GB)?");

    private static final Pattern CATEGORY =
            Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+(?:KB|MB|GB)?, committed=(\\d+)(KB|MB|GB)?\\)");

    public NativeMemory {
        committedKb = Map.copyOf(new LinkedHashMap<>(committedKb));
    }

    /** RSS the JVM does not account for: malloc's arenas and fragmentation, mostly. */
    public long outsideTrackingKb() {
        return rssKb - totalCommittedKb;
    }

    /**
     * Parses a summary; {@link IllegalArgumentException} when it has no total line (tracking off, or
     * the JVM refused the command).
     */
    public static NativeMemory parse(double seconds, long rssKb, String summary) {
        Map<String, Long> categories = new LinkedHashMap<>();
        long total = -1;
        for (String line : summary.lines().toList()) {
            Matcher t = TOTAL.matcher(line.trim());
            if (t.find()) {
                total = kb(t.group(2), t.group(3));
                continue;
            }
            Matcher c = CATEGORY.matcher(line.trim());
            if (c.find()) {
                categories.merge(c.group(1).trim(), kb(c.group(2), c.group(3)), Long::sum);
            }
        }
        if (total < 0) {
            throw new IllegalArgumentException("not a native memory summary: "
                    + summary.lines().findFirst().orElse("(empty)"));
        }
        return new NativeMemory(seconds, rssKb, categories, total);
    }

    private static long kb(String number, String unit) {
        long value = Long.parseLong(number);
        if (unit == null) {
            return value / 1024;
        }
        return switch (unit) {
            case "GB" -> value * 1024 * 1024;
            case "MB" -> value * 1024;
            default -> value;
        };
    }
}
