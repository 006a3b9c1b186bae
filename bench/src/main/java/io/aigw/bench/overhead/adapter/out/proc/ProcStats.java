package io.aigw.bench.overhead.adapter.out.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and resident memory of a process from Linux's {@code /proc}: the sum of {@code utime} and
 * {@code stime} in {@code /proc/<pid>/stat} (all threads; clock ticks of 10 ms on this kernel) and
 * {@code VmRSS} in {@code /proc/<pid>/status}.
 */
public final class ProcStats {

    /** {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux this runs on (x86-64 and arm64 defaults). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcStats() {}

    /** Microseconds of CPU the process has used so far; -1 when it is gone or unreadable. */
    public static long cpuMicros(long pid) {
        long[] split = cpuSplitMicros(pid);
        return split[0] < 0 ? -1 : split[0] + split[1];
    }

    /**
     * Microseconds of user-mode and of kernel-mode CPU the process has used so far; {@code {-1, -1}}
     * when it is gone or unreadable.
     */
    public static long[] cpuSplitMicros(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold blanks and parentheses: count fields after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {
                Long.parseLong(fields[11]) * 1_000_000 / TICKS_PER_SECOND,
                Long.parseLong(fields[12]) * 1_000_000 / TICKS_PER_SECOND
            };
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /** Resident set size in KiB; -1 when the process is gone or unreadable. */
    public static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@link #cpuSplitMicros(long)} summed over a group of processes (a database's backends); {@code {-1, -1}} when none is readable. */
    public static long[] cpuSplitMicros(List<Long> pids) {
        long[] sum = {-1, -1};
        for (long pid : pids) {
            long[] split = cpuSplitMicros(pid);
            if (split[0] >= 0) {
                sum[0] = Math.max(sum[0], 0) + split[0];
                sum[1] = Math.max(sum[1], 0) + split[1];
            }
        }
        return sum;
    }

    /** {@link #cpuMicros(long)} summed over a group of processes; -1 when none is readable. */
    public static long cpuMicros(List<Long> pids) {
        long[] split = cpuSplitMicros(pids);
        return split[0] < 0 ? -1 : split[0] + split[1];
    }

    /** {@link #rssKib(long)} summed over a group of processes; -1 when none is readable. */
    public static long rssKib(List<Long> pids) {
        long sum = -1;
        for (long pid : pids) {
            long kib = rssKib(pid);
            if (kib >= 0) {
                sum = Math.max(sum, 0) + kib;
            }
        }
        return sum;
    }

    /** Whether this machine has a readable {@code /proc/self/stat}. */
    public static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }
}
