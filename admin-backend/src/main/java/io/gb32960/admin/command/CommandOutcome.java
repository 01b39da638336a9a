package io.gb32960.admin.command;

import io.gb32960.platform.common.command.CommandResult;

import java.time.Instant;

/**
 * What became of a command: the gateway's result and the command log row that keeps it.
 *
 * @param status ANSWERED, REJECTED, OFFLINE, TIMEOUT, SEND_FAILED, QUEUED or EXPIRED
 * @param answer the terminal's answer (ANSWERED, REJECTED), else null
 */
public record CommandOutcome(long logId, String requestId, String vin, CommandResult.Status status,
                             CommandResult.Answer answer, String detail, String node, Instant at) {

    static CommandOutcome of(long logId, CommandResult r) {
        return new CommandOutcome(logId, r.id(), r.vin(), r.status(), r.answer(), r.detail(), r.node(), r.at());
    }
}
