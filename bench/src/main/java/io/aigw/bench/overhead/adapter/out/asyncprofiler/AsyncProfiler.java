package io.aigw.bench.overhead.adapter.out.asyncprofiler;

import io.aigw.bench.jvm.Jcmd;
import io.aigw.bench.overhead.application.Profiler;
import io.aigw.bench.overhead.domain.CpuLayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * async-profiler (its library from Maven Central, {@code scripts/ensure-bench-tools.sh}) loaded into a
 * running JVM with {@code jcmd JVMTI.agent_load}: CPU samples of every thread, with the JVM's own
 * native code (JIT compiler, collector, call stubs) and the kernel's, which JFR's execution samples do
 * not show. Read back from its collapsed-stacks output.
 */
public final class AsyncProfiler implements Profiler {

    private final Path library;
    private final Jcmd jcmd = new Jcmd();

    /** @param library {@code libasyncProfiler.so} */
    public AsyncProfiler(Path library) {
        this.library = library;
    }

    @Override
    public String describesSamples() {
        return "async-profiler's CPU samples (`event=cpu`, every 1 ms of CPU: every thread, Java code, the"
                + " JVM's own native code and the kernel)";
    }

    @Override
    public String fileEnding() {
        return ".collapsed";
    }

    @Override
    public void start(long pid) throws IOException {
        agent(pid, "start,event=cpu,interval=1ms");
    }

    @Override
    public void discard(long pid) throws IOException {
        agent(pid, "stop");
    }

    @Override
    public Samples stop(long pid, Path file) throws IOException {
        agent(pid, "stop,collapsed,file=" + file.toAbsolutePath());
        return read(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /**
     * The agent's options go in quotes: jcmd's own parser would take {@code file=...} for an option
     * of {@code JVMTI.agent_load}. jcmd succeeds whatever the agent says, so its return code is read.
     */
    private void agent(long pid, String options) throws IOException {
        String printed = jcmd.run(pid, "JVMTI.agent_load", library.toString(), "\"" + options + "\"");
        if (!printed.contains("return code: 0")) {
            throw new IOException("async-profiler refused '" + options + "' in " + pid + ": " + printed.strip());
        }
    }

    /**
     * Collapsed stacks, one line per distinct stack: frames from the thread's root to the top, joined
     * by {@code ;}, then the number of samples. Java frames come as {@code package/Class.method},
     * kernel frames end in {@code _[k]}, anything else is the JVM's or a library's native code.
     */
    static Samples read(List<String> lines) {
        List<List<String>> stacks = new ArrayList<>();
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            long count = Long.parseLong(line.substring(space + 1).strip());
            List<String> frames = new ArrayList<>();
            for (String frame : line.substring(0, space).split(";")) {
                frames.add(frame(frame));
            }
            Collections.reverse(frames);
            List<String> stack = List.copyOf(frames);
            for (long i = 0; i < count; i++) {
                stacks.add(stack);
            }
        }
        return new Samples(stacks, Optional.empty());
    }

    private static String frame(String frame) {
        if (frame.endsWith(CpuLayer.KERNEL_FRAME)) {
            return frame;
        }
        if (frame.contains("/") && !frame.contains(" ")) {
            return frame.replace('/', '.');
        }
        return frame + CpuLayer.NATIVE_FRAME;
    }
}
