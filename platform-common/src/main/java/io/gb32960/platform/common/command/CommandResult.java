package io.gb32960.platform.common.command;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a downlink command.
 *
 * @param id     the command's id (from {@link CommandGateway#send})
 * @param answer the terminal's answer when it gave one (ANSWERED, REJECTED), else null
 * @param detail why, in words, for anything but ANSWERED
 * @param node   the access node that handled it, when one did
 */
public record CommandResult(String id, String vin, Status status, Answer answer, String detail, String node,
                            Instant at) {

    public CommandResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(status, "status");
        detail = Objects.requireNonNullElse(detail, "");
        node = Objects.requireNonNullElse(node, "");
    }

    public enum Status {
        /** The terminal answered with success; {@link #answer} holds the decoded answer. */
        ANSWERED,
        /** The terminal answered with an error flag. */
        REJECTED,
        /** The vehicle is not connected (no route, or its node does not hold it any more). */
        OFFLINE,
        /** No answer within the timeout (after the configured resends). */
        TIMEOUT,
        /** The frame could not be built or written. */
        SEND_FAILED,
        /** The vehicle is offline; the command waits for its next login (until its expiry). */
        QUEUED,
        /** A queued command expired before the vehicle logged in. */
        EXPIRED
    }

    /**
     * A terminal's answer (0x80/0x81/0x82 uplink).
     *
     * @param command      the answer's command byte
     * @param responseFlag 0x01 success, 0x02 error...
     * @param time         the answer's time, ISO local date-time (GMT+8 as sent)
     * @param parameters   the parameters of a query answer (empty otherwise)
     * @param control      the control echoed by a control answer, by name (empty otherwise)
     */
    public record Answer(int command, int responseFlag, String time, List<AnsweredParameter> parameters,
                         String control) {

        public Answer {
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
            control = Objects.requireNonNullElse(control, "");
        }
    }

    /** A parameter of a query answer: {@code number} for numeric ids, {@code text} for textual ones, always {@code hex}. */
    public record AnsweredParameter(int id, String name, Long number, String text, String hex) {
    }

    public static CommandResult of(String id, String vin, Status status, String detail, String node) {
        return new CommandResult(id, vin, status, null, detail, node, Instant.now());
    }
}
