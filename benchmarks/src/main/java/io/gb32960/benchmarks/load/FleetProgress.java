package io.gb32960.benchmarks.load;

import io.gb32960.simulator.sim.Progress;
import io.gb32960.simulator.sim.Simulation;

import java.time.Duration;
import java.util.List;

/** Waits on running simulations (one or several side by side) and logs their progress. */
final class FleetProgress {

    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private FleetProgress() {
    }

    /** The progress of several simulations as one. */
    static Progress of(List<Simulation> sims) {
        Progress sum = null;
        for (Simulation s : sims) {
            Progress p = s.progress();
            sum = sum == null ? p : new Progress(sum.elapsed().compareTo(p.elapsed()) >= 0 ? sum.elapsed() : p.elapsed(),
                    sum.vehicles() + p.vehicles(), sum.connected() + p.connected(), sum.loggedIn() + p.loggedIn(),
                    sum.framesSent() + p.framesSent(), sum.responses() + p.responses(), sum.errors() + p.errors(),
                    sum.reconnects() + p.reconnects(), sum.bytesSent() + p.bytesSent());
        }
        return sum;
    }

    static void awaitLoggedIn(Simulation sim, Duration timeout, String label) throws InterruptedException {
        awaitLoggedIn(List.of(sim), timeout, label);
    }

    /** Waits until every vehicle is logged in, logging progress every 5 s; fails after {@code timeout}. */
    static void awaitLoggedIn(List<Simulation> sims, Duration timeout, String label) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Progress last = null;
        long nextLog = System.nanoTime();
        while (true) {
            Progress p = of(sims);
            if (p.loggedIn() >= p.vehicles()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(label + ": only " + p.loggedIn() + " of " + p.vehicles()
                        + " vehicles logged in within " + timeout + "; " + sims.get(0).summary().lastError());
            }
            if (System.nanoTime() >= nextLog) {
                LoadBenchmark.log("%s: %s", label, p.line(last));
                last = p;
                nextLog = System.nanoTime() + LOG_EVERY_NANOS;
            }
            Thread.sleep(100);
        }
    }

    /** Lets the simulation run for {@code d}, logging its progress every 10 s. */
    static void sleepWithProgress(Simulation sim, Duration d, String label) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        Progress last = sim.progress();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            Progress p = sim.progress();
            LoadBenchmark.log("%s: %s", label, p.line(last));
            last = p;
        }
    }
}
