package io.gb32960.admin.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A command as a user or an API client describes it; {@link CommandSpecs} checks it against the
 * standard's tables and turns it into the gateway's {@code DownlinkCommand}.
 *
 * @param type         QUERY (0x80), SET (0x81) or CONTROL (0x82)
 * @param parameterIds QUERY: the parameter ids to read (Table B.11/B.12)
 * @param settings     SET: the parameters to set, each a value as text (number or text per the id)
 * @param controlId    CONTROL: the control id (Table B.14): 1 upgrade, 2 shutdown, 3 reset, 4 factory reset,
 *                     5 disconnect, 6 alarm/warning, 7 sampling link, 0x80-0xFE user-defined
 * @param alarmLevel   CONTROL 6: 0 none, 1-3 (2025: 4)
 * @param alarmMessage CONTROL 6: the message (ASCII)
 * @param upgrade      CONTROL 1: the upgrade's fields
 * @param hex          CONTROL 0x80-0xFE: the parameters as hex
 */
public record CommandSpec(@NotNull Type type,
                          @Size(max = 252) List<@NotNull Integer> parameterIds,
                          @Size(max = 64) List<@Valid @NotNull SettingSpec> settings,
                          Integer controlId,
                          Integer alarmLevel,
                          @Size(max = 200) String alarmMessage,
                          @Valid UpgradeSpec upgrade,
                          @Size(max = 512) String hex) {

    public enum Type {
        QUERY, SET, CONTROL
    }

    public CommandSpec {
        parameterIds = parameterIds == null ? List.of() : List.copyOf(parameterIds);
        settings = settings == null ? List.of() : List.copyOf(settings);
    }

    public static CommandSpec query(List<Integer> ids) {
        return new CommandSpec(Type.QUERY, ids, null, null, null, null, null, null);
    }

    public static CommandSpec set(List<SettingSpec> settings) {
        return new CommandSpec(Type.SET, null, settings, null, null, null, null, null);
    }

    public static CommandSpec control(int controlId) {
        return new CommandSpec(Type.CONTROL, null, null, controlId, null, null, null, null);
    }

    /** One parameter to set: its id and value as text ({@code hex} for user-defined ids 0x80-0xFE). */
    public record SettingSpec(@NotNull Integer id, @Size(max = 255) String value) {
    }

    /** The fields of a remote upgrade (Tables B.15/B.16); empty fields stay empty. */
    public record UpgradeSpec(@Size(max = 255) String url, @Size(max = 64) String apn, @Size(max = 64) String username,
                              @Size(max = 64) String password, @Size(max = 64) String address, Integer port,
                              @Size(max = 4) String manufacturerId, @Size(max = 5) String hardwareVersion,
                              @Size(max = 5) String firmwareVersion, Integer timeoutMinutes) {
    }
}
