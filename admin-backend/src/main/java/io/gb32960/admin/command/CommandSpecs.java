package io.gb32960.admin.command;

import io.gb32960.admin.system.AdminException;
import io.gb32960.platform.common.command.DownlinkCommand;
import io.gb32960.protocol.control.AlarmWarning;
import io.gb32960.protocol.control.CustomControl;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.SimpleControl;
import io.gb32960.protocol.control.TerminalControl;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.protocol.param.ParameterId;
import io.gb32960.protocol.wire.Bytes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link CommandSpec} against the standard (parameter ids and ranges, control ids and
 * their parameters) and builds the gateway's command; every refusal names the field at fault.
 */
public final class CommandSpecs {

    private static final Pattern HEX = Pattern.compile("([0-9A-Fa-f]{2})*");
    private static final Pattern ASCII = Pattern.compile("[\\x20-\\x7E]*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,255}");
    private static final Pattern MANUFACTURER = Pattern.compile("[A-Z0-9]{0,4}");

    private CommandSpecs() {
    }

    /** @param layout the vehicle's remote-upgrade layout (the node lays an upgrade out per profile anyway) */
    public static DownlinkCommand toDownlink(CommandSpec spec, UpgradeLayout layout) {
        return switch (spec.type()) {
            case QUERY -> query(spec);
            case SET -> set(spec);
            case CONTROL -> new DownlinkCommand.Control(control(spec, layout));
        };
    }

    private static DownlinkCommand query(CommandSpec spec) {
        if (spec.parameterIds().isEmpty()) {
            throw AdminException.invalid("parameterIds", "choose at least one parameter");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer id : spec.parameterIds()) {
            if (ParameterId.find(id) == null) {
                throw AdminException.invalid("parameterIds", "parameter " + hex(id) + " is not in Table B.12"
                        + " (an answer to it could not be read)");
            }
            if (!seen.add(id)) {
                throw AdminException.invalid("parameterIds", "parameter " + hex(id) + " twice");
            }
        }
        return new DownlinkCommand.Query(spec.parameterIds());
    }

    private static DownlinkCommand set(CommandSpec spec) {
        if (spec.settings().isEmpty()) {
            throw AdminException.invalid("settings", "give at least one parameter a value");
        }
        List<DownlinkCommand.Setting> settings = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (CommandSpec.SettingSpec s : spec.settings()) {
            String field = "settings[" + hex(s.id()) + "]";
            String value = s.value() == null ? "" : s.value().trim();
            if (!seen.add(s.id())) {
                throw AdminException.invalid(field, "parameter " + hex(s.id()) + " twice");
            }
            if (s.id() >= 0x80 && s.id() <= 0xFE) {
                if (value.isEmpty() || !HEX.matcher(value).matches()) {
                    throw AdminException.invalid(field, "a user-defined parameter's value is hex");
                }
                settings.add(new DownlinkCommand.Setting(s.id(), null, null, value));
                continue;
            }
            ParameterId id = ParameterId.find(s.id());
            ParameterRule rule = id == null ? null : ParameterRule.of(id);
            if (rule == null) {
                throw AdminException.invalid(field, "parameter " + hex(s.id()) + " is reserved");
            }
            if (!rule.settable()) {
                throw AdminException.invalid(field, rule.label() + " cannot be set"
                        + (rule.numeric() ? " (the access node adds it)" : " (query only)"));
            }
            if (rule.numeric()) {
                long n;
                try {
                    n = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw AdminException.invalid(field, rule.label() + ": a whole number");
                }
                if (n < rule.min() || n > rule.max()) {
                    throw AdminException.invalid(field, rule.label() + ": " + rule.min() + " to " + rule.max());
                }
                settings.add(DownlinkCommand.Setting.number(s.id(), n));
            } else {
                if (!HOST.matcher(value).matches() || value.length() > rule.maxLength()) {
                    throw AdminException.invalid(field, rule.label() + ": a host name or IP address");
                }
                settings.add(DownlinkCommand.Setting.text(s.id(), value));
            }
        }
        return new DownlinkCommand.SetParameters(settings);
    }

    private static TerminalControl control(CommandSpec spec, UpgradeLayout layout) {
        Integer id = spec.controlId();
        if (id == null) {
            throw AdminException.invalid("controlId", "choose a control");
        }
        if (id >= 0x80 && id <= 0xFE) {
            String hex = spec.hex() == null ? "" : spec.hex().replace(" ", "");
            if (!HEX.matcher(hex).matches()) {
                throw AdminException.invalid("hex", "the parameters of a user-defined control are hex");
            }
            return new CustomControl(id, Bytes.fromHex(hex));
        }
        switch (id) {
            case TerminalControl.REMOTE_UPGRADE:
                return upgrade(spec.upgrade(), layout);
            case TerminalControl.ALARM_WARNING:
                int level = spec.alarmLevel() == null ? -1 : spec.alarmLevel();
                if (level < 0 || level > 4) {
                    throw AdminException.invalid("alarmLevel", "0 (none) to 3 (2025: 4)");
                }
                String message = spec.alarmMessage() == null ? "" : spec.alarmMessage();
                if (!ASCII.matcher(message).matches()) {
                    throw AdminException.invalid("alarmMessage", "ASCII text");
                }
                return new AlarmWarning(level, Bytes.ascii(message));
            case TerminalControl.SHUTDOWN:
            case TerminalControl.RESET:
            case TerminalControl.FACTORY_RESET:
            case TerminalControl.DISCONNECT_DATA_LINK:
            case TerminalControl.OPEN_SAMPLING_LINK:
                return new SimpleControl(id);
            default:
                throw AdminException.invalid("controlId", "control " + hex(id) + " is reserved (Table B.14)");
        }
    }

    private static RemoteUpgrade upgrade(CommandSpec.UpgradeSpec u, UpgradeLayout layout) {
        if (u == null || u.url() == null || u.url().isBlank()) {
            throw AdminException.invalid("upgrade.url", "the firmware URL is required");
        }
        for (Map.Entry<String, String> f : Map.of("upgrade.url", u.url(), "upgrade.apn", nz(u.apn()),
                "upgrade.username", nz(u.username()), "upgrade.password", nz(u.password()),
                "upgrade.address", nz(u.address()), "upgrade.hardwareVersion", nz(u.hardwareVersion()),
                "upgrade.firmwareVersion", nz(u.firmwareVersion())).entrySet()) {
            if (!ASCII.matcher(f.getValue()).matches() || f.getValue().contains(";")) {
                throw AdminException.invalid(f.getKey(), "ASCII text without ';'");
            }
        }
        if (!MANUFACTURER.matcher(nz(u.manufacturerId())).matches()) {
            throw AdminException.invalid("upgrade.manufacturerId", "up to 4 capital letters and digits");
        }
        if (u.port() != null && (u.port() < 0 || u.port() > 65_531)) {
            throw AdminException.invalid("upgrade.port", "0 to 65531");
        }
        if (u.timeoutMinutes() != null && (u.timeoutMinutes() < 0 || u.timeoutMinutes() > 60_000)) {
            throw AdminException.invalid("upgrade.timeoutMinutes", "0 to 60000 minutes");
        }
        return new RemoteUpgrade(layout == null ? UpgradeLayout.TABLE_B16_BINARY : layout, u.url().trim(), u.apn(),
                u.username(), u.password(), u.address(), u.port(), u.manufacturerId(), u.hardwareVersion(),
                u.firmwareVersion(), u.timeoutMinutes());
    }

    /** The command for the log and the audit: everything but secrets (the upgrade's dial password). */
    public static Map<String, Object> describe(CommandSpec spec) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", spec.type().name());
        switch (spec.type()) {
            case QUERY -> d.put("parameterIds", spec.parameterIds());
            case SET -> d.put("settings", spec.settings());
            case CONTROL -> {
                d.put("controlId", spec.controlId());
                d.put("control", spec.controlId() == null ? null : TerminalControl.nameOf(spec.controlId()));
                if (spec.alarmLevel() != null) {
                    d.put("alarmLevel", spec.alarmLevel());
                    d.put("alarmMessage", spec.alarmMessage());
                }
                if (spec.upgrade() != null) {
                    CommandSpec.UpgradeSpec u = spec.upgrade();
                    d.put("upgrade", new CommandSpec.UpgradeSpec(u.url(), u.apn(), u.username(),
                            u.password() == null || u.password().isEmpty() ? u.password() : "***", u.address(),
                            u.port(), u.manufacturerId(), u.hardwareVersion(), u.firmwareVersion(), u.timeoutMinutes()));
                }
                if (spec.hex() != null) {
                    d.put("hex", spec.hex());
                }
            }
        }
        return d;
    }

    /** The same command with the upgrade's dial password masked (what may be stored). */
    public static CommandSpec masked(CommandSpec spec) {
        CommandSpec.UpgradeSpec u = spec.upgrade();
        if (u == null || u.password() == null || u.password().isEmpty()) {
            return spec;
        }
        return new CommandSpec(spec.type(), spec.parameterIds(), spec.settings(), spec.controlId(), spec.alarmLevel(),
                spec.alarmMessage(), new CommandSpec.UpgradeSpec(u.url(), u.apn(), u.username(), MASK, u.address(),
                u.port(), u.manufacturerId(), u.hardwareVersion(), u.firmwareVersion(), u.timeoutMinutes()), spec.hex());
    }

    /** Whether {@link #masked} hid something, so the stored command cannot be sent again as it was. */
    public static boolean isMasked(CommandSpec spec) {
        return spec.upgrade() != null && MASK.equals(spec.upgrade().password());
    }

    static final String MASK = "***";

    /** The command byte: 0x80 query, 0x81 set, 0x82 control. */
    public static int commandByte(CommandSpec.Type type) {
        return switch (type) {
            case QUERY -> 0x80;
            case SET -> 0x81;
            case CONTROL -> 0x82;
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String hex(Integer id) {
        return id == null ? "null" : String.format("0x%02X", id);
    }
}
