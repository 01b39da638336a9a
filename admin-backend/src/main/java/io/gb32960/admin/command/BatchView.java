package io.gb32960.admin.command;

import java.time.Instant;
import java.util.Map;

/**
 * A batch command and its progress.
 *
 * @param status RUNNING, DONE or CANCELLED
 * @param counts items per status: PENDING, SENT (waiting for the answer), then the results
 *               (ANSWERED, REJECTED, OFFLINE, TIMEOUT, SEND_FAILED, QUEUED), CANCELLED, INTERRUPTED
 */
public record BatchView(long id, String command, String filter, String status, int total, int ratePerSecond,
                        String createdBy, Instant createdAt, Instant finishedAt, Map<String, Long> counts) {

    /** Items with a result (not pending, not waiting). */
    public long done() {
        return total - counts.getOrDefault("PENDING", 0L) - counts.getOrDefault("SENT", 0L);
    }

    /** Running but nothing sent yet: another batch is running (one at a time), or it is starting. */
    public boolean waiting() {
        return "RUNNING".equals(status) && counts.getOrDefault("PENDING", 0L) == total;
    }

    public int percent() {
        return total == 0 ? 100 : (int) (done() * 100 / total);
    }
}
