package io.aigw.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, read from its end so a big log costs no more than a small one. */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {}

    static List<String> lastLines(Path file, int count) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            raf.seek(length - size);
            raf.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            if (size < length && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size()); // the first line was cut
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** The tail framed for an error message. */
    static String describe(Path file, int count) {
        List<String> lines = lastLines(file, count);
        if (lines.isEmpty()) {
            return "  (" + file + " is empty)";
        }
        StringBuilder out = new StringBuilder("---- last " + lines.size() + " lines of " + file + " ----\n");
        lines.forEach(line -> out.append(line).append('\n'));
        return out.append("---- end of ")
                .append(file.getFileName())
                .append(" ----")
                .toString();
    }
}
