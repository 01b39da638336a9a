package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;

/**
 * 2025 activation 0x09 (激活, Table B.3): time, security-chip id STRING[16], public key (WORD
 * length), VIN STRING[17], signature (Table 8, without the 0xFF marker) over time .. VIN.
 *
 * @param signatureStatus set by the decoder (checked against the key registered for the VIN, not
 *                        the key the frame carries); ignored by the encoder
 */
public record Activation(FrameHeader header, DataTime time, FixedString chipId, Bytes publicKey, FixedString vinField,
                         Signature signature, SignatureStatus signatureStatus) implements Gb32960Message {

    public Activation(FrameHeader header, DataTime time, FixedString chipId, Bytes publicKey, FixedString vinField,
                      Signature signature) {
        this(header, time, chipId, publicKey, vinField, signature, SignatureStatus.NOT_CHECKED);
    }

    public static final int CHIP_ID_LENGTH = 16;
    public static final int VIN_LENGTH = 17;
}
