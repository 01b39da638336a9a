package io.gb32960.protocol.message;

/** The battery code part of a vehicle login: 2016 subsystem codes or 2025 pack codes. */
public sealed interface LoginCodes permits SubsystemCodes, PackCodes {
}
