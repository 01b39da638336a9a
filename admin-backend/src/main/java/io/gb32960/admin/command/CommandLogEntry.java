package io.gb32960.admin.command;

import java.time.Instant;

/**
 * A command sent and what became of it ({@code command_log}).
 *
 * @param status   SENT while waiting, then the result: ANSWERED, REJECTED, OFFLINE, TIMEOUT, SEND_FAILED,
 *                 QUEUED (waits for the next login), EXPIRED
 * @param request  the command as JSON (secrets masked)
 * @param response the terminal's answer as JSON, when it answered
 * @param detail   why, in words, when it did not answer
 */
public record CommandLogEntry(long id, String requestId, String vin, int command, String request, String requestedBy,
                              Instant requestedAt, String node, String status, Integer responseFlag, String response,
                              Instant respondedAt, String detail) {

    public boolean finished() {
        return !"SENT".equals(status) && !"QUEUED".equals(status);
    }
}
