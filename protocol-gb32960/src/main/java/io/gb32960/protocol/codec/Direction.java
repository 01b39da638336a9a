package io.gb32960.protocol.codec;

/**
 * Which way a frame travels. The same command byte carries different bodies each way: uplink 0x80
 * is a query answer (id, value items), downlink 0x80 a query (ids only).
 */
public enum Direction {
    /** Terminal (or forwarding platform) to platform: what a server receives. */
    UPLINK,
    /** Platform to terminal: what a terminal (the simulator) receives. */
    DOWNLINK
}
