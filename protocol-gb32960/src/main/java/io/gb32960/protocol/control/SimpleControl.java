package io.gb32960.protocol.control;

/** A control without parameters: shutdown 0x02, reset 0x03, factory reset 0x04, disconnect 0x05, sampling link 0x07. */
public record SimpleControl(int controlId) implements TerminalControl {

    public SimpleControl {
        if (controlId < SHUTDOWN || controlId > OPEN_SAMPLING_LINK || controlId == ALARM_WARNING) {
            throw new IllegalArgumentException("control 0x" + Integer.toHexString(controlId) + " is not parameterless");
        }
    }
}
