package io.gb32960.admin.command;

import io.gb32960.admin.system.AdminException;
import io.gb32960.protocol.control.TerminalControl;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A command from the fields of the page forms: {@code parameterIds} (query), {@code pNN} per
 * settable parameter (set), {@code controlId} or {@code customControlId} with its fields (control).
 */
final class PageCommandSpecs {

    private PageCommandSpecs() {
    }

    static CommandSpec from(CommandSpec.Type type, MultiValueMap<String, String> params) {
        return switch (type) {
            case QUERY -> CommandSpec.query(integers(params.get("parameterIds")));
            case SET -> {
                List<CommandSpec.SettingSpec> settings = new ArrayList<>();
                for (ParameterRule rule : ParameterRule.settableOnes()) {
                    String value = params.getFirst("p" + rule.code());
                    if (value != null && !value.isBlank()) {
                        settings.add(new CommandSpec.SettingSpec(rule.code(), value.trim()));
                    }
                }
                yield CommandSpec.set(settings);
            }
            case CONTROL -> {
                String custom = params.getFirst("customControlId");
                Integer id = controlId(custom != null && !custom.isBlank() ? custom : params.getFirst("controlId"));
                CommandSpec.UpgradeSpec upgrade = id != null && id == TerminalControl.REMOTE_UPGRADE
                        ? new CommandSpec.UpgradeSpec(params.getFirst("url"), params.getFirst("apn"),
                        params.getFirst("username"), params.getFirst("password"), params.getFirst("address"),
                        integer(params.getFirst("port")), params.getFirst("manufacturerId"),
                        params.getFirst("upgradeHardwareVersion"), params.getFirst("upgradeFirmwareVersion"),
                        integer(params.getFirst("upgradeTimeout"))) : null;
                yield new CommandSpec(CommandSpec.Type.CONTROL, null, null, id, integer(params.getFirst("alarmLevel")),
                        params.getFirst("alarmMessage"), upgrade, params.getFirst("hex"));
            }
        };
    }

    static Integer controlId(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            return t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw AdminException.invalid("controlId", "a control id: a number or 0x..");
        }
    }

    /** A number from a form field; text that is not one becomes -1, outside every range, so the check names the field. */
    static Integer integer(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<Integer> integers(List<String> values) {
        List<Integer> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                Integer i = integer(v);
                if (i != null) {
                    out.add(i);
                }
            }
        }
        return out;
    }
}
