package io.gb32960.protocol.control;

import io.gb32960.protocol.wire.Bytes;

import java.nio.charset.StandardCharsets;

/**
 * Alarm/warning 0x06 (Table B.14): level (00 none, 01-03, 2025 adds 04; FF invalid) and a message
 * whose format the standard reserves (free text in practice).
 */
public record AlarmWarning(int level, Bytes message) implements TerminalControl {

    @Override
    public int controlId() {
        return ALARM_WARNING;
    }

    public String messageText() {
        return message.toString(StandardCharsets.ISO_8859_1);
    }
}
