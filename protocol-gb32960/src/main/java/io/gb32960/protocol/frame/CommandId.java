package io.gb32960.protocol.frame;

import java.util.Optional;

/** Command ids (命令标识), 2016 Table 3 / B.2 and 2025 Table 3 / B.2. */
public enum CommandId {
    VEHICLE_LOGIN(0x01, "vehicleLogin"),
    REALTIME_REPORT(0x02, "realtimeReport"),
    REISSUE_REPORT(0x03, "reissueReport"),
    VEHICLE_LOGOUT(0x04, "vehicleLogout"),
    PLATFORM_LOGIN(0x05, "platformLogin"),
    PLATFORM_LOGOUT(0x06, "platformLogout"),
    HEARTBEAT(0x07, "heartbeat"),
    TIME_CALIBRATION(0x08, "timeCalibration"),
    /** 2025 only. */
    ACTIVATION(0x09, "activation"),
    /** 2025 only, downlink. */
    ACTIVATION_RESPONSE(0x0A, "activationResponse"),
    /** 2025 only. */
    KEY_EXCHANGE(0x0B, "keyExchange"),
    QUERY(0x80, "query"),
    SET(0x81, "set"),
    TERMINAL_CONTROL(0x82, "terminalControl");

    private static final CommandId[] BY_ID = new CommandId[256];

    static {
        for (CommandId c : values()) {
            if (BY_ID[c.id] != null) {
                throw new AssertionError("value already in use: " + c.id);
            }
            BY_ID[c.id] = c;
        }
    }

    private final int id;
    private final String jsonName;

    CommandId(int id, String jsonName) {
        this.id = id;
        this.jsonName = jsonName;
    }

    public int id() {
        return id;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<CommandId> find(int id) {
        return Optional.ofNullable(id >= 0 && id < 256 ? BY_ID[id] : null);
    }

    /** 0xC0-0xFE: platform-exchange custom data (平台交换自定义数据). */
    public static boolean isPlatformCustom(int id) {
        return id >= 0xC0 && id <= 0xFE;
    }

    /** A name for any command byte, for logs and JSON. */
    public static String nameOf(int id) {
        CommandId c = id >= 0 && id < 256 ? BY_ID[id] : null;
        if (c != null) {
            return c.jsonName;
        }
        return isPlatformCustom(id) ? "platformCustom" : "unknown";
    }
}
