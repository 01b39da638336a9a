package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;

/**
 * A decoded frame: its header and its data unit as a record. Records keep raw wire values, so
 * decode followed by encode gives back the same bytes.
 */
public sealed interface Gb32960Message permits VehicleLogin, TelemetryReport, VehicleLogout, PlatformLogin,
        PlatformLogout, Heartbeat, TimeCalibration, Activation, ActivationResponse, KeyExchange, QueryCommand,
        QueryResponse, SetCommand, SetResponse, ControlCommand, ControlResponse, Response, PlatformCustomMessage,
        EncryptedMessage {

    FrameHeader header();

    default String vin() {
        return header().vin();
    }
}
