package io.gb32960.simulator.sim;

import java.time.Duration;

/**
 * A live snapshot of a running simulation; totals since the start (rates come from the
 * difference of two snapshots).
 *
 * @param connected vehicles with an open TCP connection now
 * @param loggedIn  vehicles whose login was answered with success and still connected
 * @param errors    connect failures, login failures, bad frames received, channel and internal errors
 */
public record Progress(Duration elapsed, int vehicles, int connected, int loggedIn, long framesSent,
                       long responses, long errors, long reconnects, long bytesSent) {

    /** One line for a terminal, with rates since {@code previous} (may be null). */
    public String line(Progress previous) {
        double seconds = previous == null ? elapsed.toNanos() / 1e9
                : (elapsed.toNanos() - previous.elapsed.toNanos()) / 1e9;
        long frames = framesSent - (previous == null ? 0 : previous.framesSent);
        long answers = responses - (previous == null ? 0 : previous.responses);
        return String.format(java.util.Locale.ROOT, "[%6.1fs] connected %d/%d, logged in %d, sent %.1f frames/s (%d), responses %.1f/s (%d),"
                        + " errors %d, reconnects %d",
                elapsed.toNanos() / 1e9, connected, vehicles, loggedIn, rate(frames, seconds), framesSent,
                rate(answers, seconds), responses, errors, reconnects);
    }

    private static double rate(long n, double seconds) {
        return seconds <= 0 ? 0 : n / seconds;
    }
}
