package io.gb32960.protocol.param;

import io.gb32960.protocol.frame.Edition;

/**
 * Terminal parameter ids for query 0x80 and set 0x81 (2016 Table B.12, 2025 Table B.8). 2025
 * narrows 0x02 and 0x03 to BYTE. Values have no generic length, so an id outside this table
 * cannot be skipped.
 */
public enum ParameterId {
    LOCAL_STORAGE_PERIOD_MS(0x01, "localStoragePeriodMs", 2, 2),
    REPORT_PERIOD_S(0x02, "reportPeriodS", 2, 1),
    ALARM_REPORT_PERIOD(0x03, "alarmReportPeriod", 2, 1),
    PLATFORM_DOMAIN_LENGTH(0x04, "platformDomainLength", 1, 1),
    PLATFORM_DOMAIN(0x05, "platformDomain", Width.FROM_PREVIOUS, Width.FROM_PREVIOUS),
    PLATFORM_PORT(0x06, "platformPort", 2, 2),
    HARDWARE_VERSION(0x07, "hardwareVersion", 5, 5),
    FIRMWARE_VERSION(0x08, "firmwareVersion", 5, 5),
    HEARTBEAT_PERIOD_S(0x09, "heartbeatPeriodS", 1, 1),
    TERMINAL_RESPONSE_TIMEOUT_S(0x0A, "terminalResponseTimeoutS", 2, 2),
    PLATFORM_RESPONSE_TIMEOUT_S(0x0B, "platformResponseTimeoutS", 2, 2),
    LOGIN_RETRY_WAIT_MIN(0x0C, "loginRetryWaitMin", 1, 1),
    PUBLIC_PLATFORM_DOMAIN_LENGTH(0x0D, "publicPlatformDomainLength", 1, 1),
    PUBLIC_PLATFORM_DOMAIN(0x0E, "publicPlatformDomain", Width.FROM_PREVIOUS, Width.FROM_PREVIOUS),
    PUBLIC_PLATFORM_PORT(0x0F, "publicPlatformPort", 2, 2),
    SAMPLING_INSPECTION(0x10, "samplingInspection", 1, 1);

    /** Width markers. */
    static final class Width {
        /** The value's length is the value of the preceding length parameter (0x04 for 0x05, 0x0D for 0x0E). */
        static final int FROM_PREVIOUS = -1;

        private Width() {
        }
    }

    private static final ParameterId[] BY_ID = new ParameterId[256];

    static {
        for (ParameterId p : values()) {
            if (BY_ID[p.id] != null) {
                throw new AssertionError("value already in use: " + p.id);
            }
            BY_ID[p.id] = p;
        }
    }

    private final int id;
    private final String jsonName;
    private final int width2016;
    private final int width2025;

    ParameterId(int id, String jsonName, int width2016, int width2025) {
        this.id = id;
        this.jsonName = jsonName;
        this.width2016 = width2016;
        this.width2025 = width2025;
    }

    public int id() {
        return id;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Byte width in {@code edition}, or -1 when it comes from the preceding length parameter. */
    public int width(Edition edition) {
        return edition == Edition.V2016 ? width2016 : width2025;
    }

    /** Whether the value is a number (BYTE/WORD) rather than text or bytes. */
    public boolean numeric() {
        return width2016 == 1 || width2016 == 2;
    }

    /** Whether the value is text (STRING/domain). */
    public boolean textual() {
        return !numeric();
    }

    /** The length parameter a domain value takes its width from, or null. */
    public ParameterId lengthParameter() {
        return switch (this) {
            case PLATFORM_DOMAIN -> PLATFORM_DOMAIN_LENGTH;
            case PUBLIC_PLATFORM_DOMAIN -> PUBLIC_PLATFORM_DOMAIN_LENGTH;
            default -> null;
        };
    }

    /** 0x07 and 0x08 are query-only (Table B.13). */
    public boolean settable() {
        return this != HARDWARE_VERSION && this != FIRMWARE_VERSION;
    }

    public static ParameterId find(int id) {
        return id >= 0 && id < 256 ? BY_ID[id] : null;
    }
}
