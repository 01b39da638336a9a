package io.gb32960.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time from Linux {@code /proc}: of one process (all its threads) and of the whole machine. */
final class Cpu {

    /** {@code getconf CLK_TCK} on Linux x86-64. */
    private static final double TICKS_PER_SECOND = 100.0;

    private Cpu() {
    }

    /** User + system CPU seconds of process {@code pid} so far; NaN when it cannot be read. */
    static double processSeconds(long pid) {
        try {
            String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name in parentheses (which may hold spaces): state is field 3
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Softirq CPU seconds of the machine so far (loopback TCP is processed there, charged to no process). */
    static double softirqSeconds() {
        try {
            String[] f = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
            return Long.parseLong(f[7]) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds so far of every process, by pid, with its command name. */
    static java.util.Map<Long, java.util.Map.Entry<String, Double>> allProcesses() {
        java.util.Map<Long, java.util.Map.Entry<String, Double>> out = new java.util.HashMap<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            dirs.forEach(d -> {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    return;
                }
                try {
                    String stat = read(d.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
                    out.put(Long.parseLong(name), java.util.Map.entry(comm, cpu));
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            // no /proc
        }
        return out;
    }

    /**
     * CPU seconds so far of the threads of {@code pid}, summed by thread name with digits replaced
     * by {@code N} (e.g. {@code multiThreadIoEventLoopGroup-N-N}; Linux keeps the first 15 characters).
     */
    static java.util.Map<String, Double> threadGroups(long pid) {
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(t -> {
                try {
                    String stat = read(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(comm, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            // the process ended
        }
        return out;
    }

    /** Busy and total CPU seconds of the whole machine (all cores) so far, from the first line of /proc/stat. */
    static double[] machineSeconds() {
        try {
            String line = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow();
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /**
     * The whole content of a file; for procfs, where {@code Files.readString} can return a
     * truncated text (the files report a size of 0 or less than their content).
     */
    static String read(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Open file descriptors of {@code pid}; -1 when unknown. */
    static long openFiles(long pid) {
        try (var s = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return s.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
