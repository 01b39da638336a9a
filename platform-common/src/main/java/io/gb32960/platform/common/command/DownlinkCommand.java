package io.gb32960.platform.common.command;

import io.gb32960.protocol.control.TerminalControl;

import java.util.List;
import java.util.Objects;

/**
 * A command for a terminal, independent of the edition and terminal profile the vehicle speaks:
 * the access node holding the vehicle builds the frame (0x80 query, 0x81 set, 0x82 control).
 */
public sealed interface DownlinkCommand permits DownlinkCommand.Query, DownlinkCommand.SetParameters,
        DownlinkCommand.Control {

    /** The command byte of the frame: 0x80, 0x81 or 0x82. */
    int commandId();

    /**
     * Whether the command may wait in the offline queue for the vehicle's next login: never a
     * shutdown, reset or factory reset, which must not fire at an unexpected moment.
     */
    boolean queueable();

    /** Query parameters 0x80 (Table B.11): the ids to read. */
    record Query(List<Integer> parameterIds) implements DownlinkCommand {

        public Query {
            parameterIds = List.copyOf(parameterIds);
            if (parameterIds.isEmpty() || parameterIds.size() > 252) {
                throw new IllegalArgumentException("1 to 252 parameter ids, got " + parameterIds.size());
            }
        }

        @Override
        public int commandId() {
            return 0x80;
        }

        @Override
        public boolean queueable() {
            return true;
        }
    }

    /** Set parameters 0x81 (Table B.14). */
    record SetParameters(List<Setting> settings) implements DownlinkCommand {

        public SetParameters {
            settings = List.copyOf(settings);
            if (settings.isEmpty()) {
                throw new IllegalArgumentException("no parameter to set");
            }
        }

        @Override
        public int commandId() {
            return 0x81;
        }

        @Override
        public boolean queueable() {
            return true;
        }
    }

    /** Terminal control 0x82 (Table B.15): every control id; a remote upgrade is laid out per profile. */
    record Control(TerminalControl control) implements DownlinkCommand {

        public Control {
            Objects.requireNonNull(control, "control");
        }

        @Override
        public int commandId() {
            return 0x82;
        }

        @Override
        public boolean queueable() {
            int id = control.controlId();
            return id != TerminalControl.SHUTDOWN && id != TerminalControl.RESET && id != TerminalControl.FACTORY_RESET;
        }
    }

    /**
     * One parameter to set: a number for numeric ids (written as BYTE or WORD per the edition), a
     * text for the textual ones (domains, versions; a domain's length parameter is added when
     * missing), or raw hex for ids the standard does not define.
     */
    record Setting(int id, Long number, String text, String hex) {

        public Setting {
            int given = (number != null ? 1 : 0) + (text != null ? 1 : 0) + (hex != null ? 1 : 0);
            if (given != 1) {
                throw new IllegalArgumentException("parameter 0x" + Integer.toHexString(id)
                        + ": exactly one of number, text, hex");
            }
        }

        public static Setting number(int id, long value) {
            return new Setting(id, value, null, null);
        }

        public static Setting text(int id, String value) {
            return new Setting(id, null, value, null);
        }
    }
}
