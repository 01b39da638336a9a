package io.gb32960.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The data directory of a standalone run: one launcher at a time ({@code run/launcher.pid}), and
 * the processes it started ({@code run/children.pid}), so that what a crashed JVM left behind is
 * found and stopped by the next start.
 */
final class RunDirectory {

    private final Path root;
    private final Path run;

    RunDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.run = this.root.resolve("run");
    }

    Path root() {
        return root;
    }

    Path resolve(String name) {
        return root.resolve(name);
    }

    /**
     * Takes the directory for this process: refuses when another live launcher holds it; stops
     * the processes a dead one left running.
     *
     * @return the pids of stale processes that were stopped
     */
    List<Long> claim() throws IOException {
        Files.createDirectories(run);
        Optional<Long> holder = readPids(run.resolve("launcher.pid")).stream().findFirst();
        if (holder.isPresent() && holder.get() != ProcessHandle.current().pid()
                && ProcessHandle.of(holder.get()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("another standalone platform (pid " + holder.get() + ") uses " + root
                    + "; stop it, or use --data-dir");
        }
        List<Long> stopped = new ArrayList<>();
        for (long pid : readPids(run.resolve("children.pid"))) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(RunDirectory::ours).ifPresent(p -> {
                p.destroyForcibly();
                stopped.add(pid);
            });
        }
        Files.deleteIfExists(run.resolve("children.pid"));
        Files.writeString(run.resolve("launcher.pid"), Long.toString(ProcessHandle.current().pid()));
        return stopped;
    }

    /** Only processes that look like what we start: redis-server, a JVM (Kafka), mariadbd/mysqld. */
    private static boolean ours(ProcessHandle p) {
        String command = p.info().command().orElse("");
        return command.contains("redis-server") || command.endsWith("java") || command.contains("mariadbd")
                || command.contains("mysqld");
    }

    /** Records this launcher's child processes started so far (call after each start). */
    void recordChildren() throws IOException {
        StringBuilder pids = new StringBuilder();
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).filter(RunDirectory::ours)
                .forEach(p -> pids.append(p.pid()).append('\n'));
        Files.writeString(run.resolve("children.pid"), pids.toString(), StandardCharsets.US_ASCII);
    }

    /** Releases the directory at a clean shutdown. */
    void release() {
        try {
            Files.deleteIfExists(run.resolve("children.pid"));
            Files.deleteIfExists(run.resolve("launcher.pid"));
        } catch (IOException e) {
            // nothing to do: the next start finds only dead pids
        }
    }

    /** Deletes everything but the run directory ({@code --fresh}). */
    void wipe() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(root) && !p.startsWith(run)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static List<Long> readPids(Path file) throws IOException {
        List<Long> pids = new ArrayList<>();
        if (!Files.exists(file)) {
            return pids;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            try {
                pids.add(Long.parseLong(line.trim()));
            } catch (NumberFormatException e) {
                // a torn write: ignore the line
            }
        }
        return pids;
    }
}
