package io.gb32960.admin.command;

import io.gb32960.protocol.param.ParameterId;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a parameter accepts (2016 Table B.12 ranges; numbers) or how long its text may be; the
 * length parameters 0x04 and 0x0D are added by the access node, never set directly.
 *
 * @param label what the form shows
 */
public record ParameterRule(ParameterId id, String label, boolean numeric, long min, long max, int maxLength,
                            boolean settable) {

    private static final Map<ParameterId, ParameterRule> RULES = new EnumMap<>(ParameterId.class);

    static {
        number(ParameterId.LOCAL_STORAGE_PERIOD_MS, "local storage period (ms)", 0, 60_000);
        number(ParameterId.REPORT_PERIOD_S, "report period (s)", 1, 600);
        number(ParameterId.ALARM_REPORT_PERIOD, "alarm report period (2016: ms, 2025: s)", 0, 60_000);
        RULES.put(ParameterId.PLATFORM_DOMAIN_LENGTH, new ParameterRule(ParameterId.PLATFORM_DOMAIN_LENGTH,
                "platform domain length", true, 0, 255, 0, false));
        text(ParameterId.PLATFORM_DOMAIN, "platform domain", 255, true);
        number(ParameterId.PLATFORM_PORT, "platform port", 0, 65_531);
        text(ParameterId.HARDWARE_VERSION, "hardware version", 5, false);
        text(ParameterId.FIRMWARE_VERSION, "firmware version", 5, false);
        number(ParameterId.HEARTBEAT_PERIOD_S, "heartbeat period (s)", 1, 240);
        number(ParameterId.TERMINAL_RESPONSE_TIMEOUT_S, "terminal answer timeout (s)", 1, 600);
        number(ParameterId.PLATFORM_RESPONSE_TIMEOUT_S, "platform answer timeout (s)", 1, 600);
        number(ParameterId.LOGIN_RETRY_WAIT_MIN, "wait after 3 failed logins (min)", 1, 240);
        RULES.put(ParameterId.PUBLIC_PLATFORM_DOMAIN_LENGTH, new ParameterRule(
                ParameterId.PUBLIC_PLATFORM_DOMAIN_LENGTH, "public platform domain length", true, 0, 255, 0, false));
        text(ParameterId.PUBLIC_PLATFORM_DOMAIN, "public platform domain", 255, true);
        number(ParameterId.PUBLIC_PLATFORM_PORT, "public platform port", 0, 65_531);
        number(ParameterId.SAMPLING_INSPECTION, "sampling inspection (1 yes, 2 no)", 1, 2);
    }

    private static void number(ParameterId id, String label, long min, long max) {
        RULES.put(id, new ParameterRule(id, label, true, min, max, 0, true));
    }

    private static void text(ParameterId id, String label, int maxLength, boolean settable) {
        RULES.put(id, new ParameterRule(id, label, false, 0, 0, maxLength, settable));
    }

    public static ParameterRule of(ParameterId id) {
        return RULES.get(id);
    }

    /** Every parameter of the standard, by id. */
    public static List<ParameterRule> all() {
        return List.copyOf(RULES.values());
    }

    /** The parameters a set command may carry (what the set form offers). */
    public static List<ParameterRule> settableOnes() {
        return RULES.values().stream().filter(ParameterRule::settable).toList();
    }

    public int code() {
        return id.id();
    }

    public String hexId() {
        return String.format("0x%02X", id.id());
    }
}
