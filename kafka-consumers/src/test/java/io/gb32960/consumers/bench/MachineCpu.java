package io.gb32960.consumers.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * CPU accounting from Linux {@code /proc}: the machine's busy share, and how much of it was this
 * benchmark (this JVM and its children: the broker JVM, mariadbd, redis-server). The machine is
 * shared: a run's figures mean little without the share other work took meanwhile.
 */
final class MachineCpu {

    private static final double TICKS = 100.0;

    /** A reading: machine busy and total ticks, the ticks of this process tree and per process of it. */
    record Reading(long busy, long total, long ours, java.util.Map<String, Long> byProcess) {

        /** CPU seconds of each of our processes since {@code start}, e.g. {@code app 12.1 s, mariadbd 20.3 s}. */
        String breakdown(Reading start) {
            StringBuilder b = new StringBuilder();
            byProcess.forEach((name, ticks) -> b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "%s %.1f s", name, (ticks - start.byProcess.getOrDefault(name, 0L)) / TICKS)));
            return b.toString();
        }

        /** CPU seconds of this benchmark's processes since {@code start}. */
        double oursSeconds(Reading start) {
            return (ours - start.ours) / TICKS;
        }

        /** Over the interval since {@code start}: machine busy %, ours %, others % (of all cores). */
        String since(Reading start) {
            double total = this.total - start.total;
            double busy = (this.busy - start.busy) / total * 100;
            double ours = (this.ours - start.ours) / total * 100;
            return String.format(Locale.ROOT, "machine %.0f%% busy (this benchmark %.0f%%, other work %.0f%%)",
                    busy, ours, Math.max(0, busy - ours));
        }

        double othersPercentSince(Reading start) {
            double total = this.total - start.total;
            return Math.max(0, (this.busy - start.busy) - (this.ours - start.ours)) / total * 100;
        }
    }

    private MachineCpu() {
    }

    static Reading read() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            java.util.Map<String, Long> by = new java.util.TreeMap<>();
            long self = ticks(ProcessHandle.current().pid());
            by.put("app+bench JVM", self);
            long ours = self;
            for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
                long t = ticks(child.pid());
                String cmd = child.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
                by.merge("java".equals(cmd) ? "broker JVM" : cmd, t, Long::sum);
                ours += t;
            }
            return new Reading(total - idle, total, ours, by);
        } catch (IOException | RuntimeException e) {
            return new Reading(0, 1, 0, java.util.Map.of());
        }
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Waits until other work took less than {@code belowPercent} of the machine over 5 s, at most
     * {@code maxWaitSeconds}; returns the last share measured.
     */
    static double awaitQuiet(double belowPercent, long maxWaitSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxWaitSeconds);
        while (true) {
            Reading a = read();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
            double others = read().othersPercentSince(a);
            if (others < belowPercent || System.nanoTime() > deadline) {
                System.out.printf(Locale.ROOT, "other work on the machine: %.0f%% of its CPU%s%n", others,
                        others < belowPercent ? "" : " (still busy; going ahead)");
                return others;
            }
        }
    }

    /** The first three fields of {@code /proc/loadavg} (1, 5, 15 minutes), or "?" off Linux. */
    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static double seconds(long ticks) {
        return ticks / TICKS;
    }
}
