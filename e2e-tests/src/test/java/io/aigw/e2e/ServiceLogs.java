package io.aigw.e2e;

import io.aigw.launcher.Service;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the stack's services wrote to their logs from a mark on: for tests that prove what must not
 * be logged (keys, tokens, prompts) and that a client's mistake leaves no stack trace behind.
 */
final class ServiceLogs {

    /** A line of a Java stack trace, as Logback prints a logged exception. */
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");

    private final Map<Service, Long> marks = new EnumMap<>(Service.class);

    private ServiceLogs() {}

    /** Marks the current end of every service's log. */
    static ServiceLogs mark(List<Service> services) {
        ServiceLogs logs = new ServiceLogs();
        for (Service service : services) {
            logs.marks.put(service, size(Stack.get().logFile(service)));
        }
        return logs;
    }

    /** Everything a service logged since the mark. */
    String since(Service service) {
        Path file = Stack.get().logFile(service);
        long from = marks.getOrDefault(service, 0L);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < from) {
                from = 0;
            }
            byte[] bytes = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    Map<Service, Long> marks() {
        return marks;
    }

    /**
     * Reactor's own report of an error it dropped after a request was cancelled (a client that hung up
     * or was refused early while its body was still arriving). It is logged by Reactor, not by our
     * handlers, and says nothing about the request; it is counted apart (docs/security.md).
     */
    static final String DROPPED_AFTER_CANCEL = "Operator called default onErrorDropped";

    /**
     * The first stack trace in the text with the log line it belongs to, or null when there is none;
     * traces under a {@link #DROPPED_AFTER_CANCEL} line are skipped.
     */
    static String firstStackTrace(String text) {
        Matcher frame = STACK_FRAME.matcher(text);
        while (frame.find()) {
            String entry = entryOf(text, frame.start());
            if (!entry.contains(DROPPED_AFTER_CANCEL)) {
                return text.substring(
                        Math.max(0, frame.start() - entry.length()), Math.min(text.length(), frame.end() + 1_500));
            }
        }
        return null;
    }

    /** How many entries Reactor logged as {@link #DROPPED_AFTER_CANCEL}. */
    static long droppedAfterCancel(String text) {
        return text.lines().filter(line -> line.contains(DROPPED_AFTER_CANCEL)).count();
    }

    /** The log entry (its first line up to the frame) that the stack frame at {@code at} belongs to. */
    private static String entryOf(String text, int at) {
        Matcher entry = ENTRY_START.matcher(text.substring(0, at));
        int start = 0;
        while (entry.find()) {
            start = entry.start();
        }
        return text.substring(start, at);
    }

    /** The start of a Logback line: an ISO timestamp at the beginning of a line. */
    private static final Pattern ENTRY_START = Pattern.compile("(?m)^\\d{4}-\\d{2}-\\d{2}T");

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
