package io.gb32960.admin.terminal;

import java.util.Map;

/**
 * What a terminal is told: every field resolved (vehicle, else model, else the service defaults),
 * and where each came from ({@code sources}: field to VEHICLE, MODEL or DEFAULT).
 *
 * @param platformAccount null when none is configured
 */
public record EffectiveConfig(String vin, int reportIntervalS, int heartbeatIntervalS, int baudRate,
                              String dispatchHost, int dispatchPort, String platformAccount,
                              Map<String, String> sources) {
}
