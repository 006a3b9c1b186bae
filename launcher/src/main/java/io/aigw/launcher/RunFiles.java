package io.aigw.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * The files through which {@code ./aigw stop} finds a running stack: {@code .run/launcher.pid} (the
 * launcher's PID) and {@code .run/pids} (one {@code <module> <pid>} per line, {@code redis} included).
 */
final class RunFiles {

    static final String LAUNCHER_PID = "launcher.pid";
    static final String PIDS = "pids";

    private final Path runDirectory;

    RunFiles(Path runDirectory) {
        this.runDirectory = runDirectory;
    }

    Path launcherPidFile() {
        return runDirectory.resolve(LAUNCHER_PID);
    }

    Path pidsFile() {
        return runDirectory.resolve(PIDS);
    }

    void writeLauncherPid(long pid) {
        write(launcherPidFile(), pid + "\n");
    }

    /** Replaces {@code pids} with these, in the map's order. */
    void writePids(Map<String, Long> pids) {
        write(pidsFile(), render(pids));
    }

    static String render(Map<String, Long> pids) {
        StringBuilder out = new StringBuilder();
        pids.forEach((name, pid) -> out.append(name).append(' ').append(pid).append('\n'));
        return out.toString();
    }

    /** The PID of another launcher that is alive and owns these files, if any. */
    Optional<Long> liveOtherLauncher(long self) {
        return readLauncherPid()
                .filter(pid -> pid != self)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .commandLine()
                        .map(line -> line.contains("launcher"))
                        .orElse(true))
                .map(ProcessHandle::pid);
    }

    /** Deletes both files, but only while {@code launcher.pid} still names {@code owner}. */
    void deleteIfOwnedBy(long owner) {
        if (readLauncherPid().filter(pid -> pid == owner).isEmpty()) {
            return; // another launcher took over the files; they are not ours to remove
        }
        try {
            Files.deleteIfExists(pidsFile());
            Files.deleteIfExists(launcherPidFile());
        } catch (IOException e) {
            // nothing useful to do while shutting down; ./aigw stop checks every PID before it kills
        }
    }

    private Optional<Long> readLauncherPid() {
        try {
            return Optional.of(Long.parseLong(
                    Files.readString(launcherPidFile(), StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void write(Path file, String content) {
        try {
            Files.createDirectories(runDirectory);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
