package io.aigw.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * What every benchmark command does with its arguments before its own run: {@code --help}, parsing
 * with the help text on a bad option, and one exit code per outcome (0 done, 1 failed, 2 usage).
 */
public final class BenchCommandLine {

    /** A benchmark's options from its arguments, the environment and the working directory. */
    @FunctionalInterface
    public interface Parser<O> {
        O parse(String[] args, Map<String, String> env, Path workingDirectory);
    }

    /** The benchmark itself, with parsed options; returns the exit code. */
    @FunctionalInterface
    public interface Body<O> {
        int run(O options) throws IOException;
    }

    private BenchCommandLine() {}

    public static <O> int run(
            String[] args, String help, Parser<O> parser, Body<O> body, PrintStream out, PrintStream err) {
        if (Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
            out.print(help);
            return 0;
        }
        O options;
        try {
            options = parser.parse(args, System.getenv(), Path.of(""));
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.print(help);
            return 2;
        }
        try {
            return body.run(options);
        } catch (RuntimeException | IOException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        }
    }
}
