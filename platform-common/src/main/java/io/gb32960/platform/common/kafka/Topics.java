package io.gb32960.platform.common.kafka;

/** Kafka topic names and record headers shared by producers and consumers. */
public final class Topics {

    /** Verified raw frames of realtime 0x02 and reissue 0x03 reports; key = VIN, value = the whole frame. */
    public static final String TELEMETRY = "gb32960.telemetry";
    /** Vehicle events as JSON ({@link io.gb32960.platform.common.event.VehicleEvent}); key = VIN. */
    public static final String VEHICLE_EVENTS = "gb32960.vehicle-events";
    /** Frames that failed framing or checks, with the reason, for diagnosis; key = VIN when known. */
    public static final String INVALID_FRAMES = "gb32960.invalid-frames";
    /** Every decoded frame as JSON, for downstream big-data users; key = VIN. */
    public static final String TELEMETRY_DECODED = "gb32960.telemetry.decoded";

    /** Header: command byte as decimal text ("2" realtime, "3" reissue). */
    public static final String HEADER_COMMAND = "command";
    /** Header: "2016" or "2025". */
    public static final String HEADER_EDITION = "edition";
    /** Header: id of the access node that received the frame. */
    public static final String HEADER_NODE = "node";
    /** Header: receive time, epoch milliseconds as decimal text. */
    public static final String HEADER_RECEIVED_AT = "receivedAt";
    /** Header on invalid frames: the {@code DecodeError} name. */
    public static final String HEADER_REASON = "reason";

    private Topics() {
    }
}
