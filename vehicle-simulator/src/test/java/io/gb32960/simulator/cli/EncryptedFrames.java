package io.gb32960.simulator.cli;

import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.crypto.Ciphers;
import io.gb32960.protocol.crypto.StaticKeyProvider;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.Hex;

/** Encrypted test frames, built with the codec's own encoder and ciphers. */
final class EncryptedFrames {

    private EncryptedFrames() {
    }

    static String aesLogout2016() {
        byte[] key = Hex.decode("000102030405060708090a0b0c0d0e0f");
        StaticKeyProvider keys = StaticKeyProvider.builder()
                .defaultCipher(EncryptionType.AES128, Ciphers.aesCbc(key, new byte[16])).build();
        FrameHeader header = FrameHeader.command(Edition.V2016, CommandId.VEHICLE_LOGOUT.id(), "1G1BL52P7TR115520")
                .withEncryption(EncryptionType.AES128.id());
        return Hex.encode(new Gb32960Encoder(keys).encode(new VehicleLogout(header, DataTime.of(2026, 11, 21, 8, 0, 0), 1)));
    }
}
