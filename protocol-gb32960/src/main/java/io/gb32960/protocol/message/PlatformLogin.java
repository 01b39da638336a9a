package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;

/**
 * Platform login 0x05 (平台登入, 2016 Table 21): 41 bytes. The user name may be GB 18030; the
 * password travels as plain text in the data unit.
 *
 * @param encryptionRule how this platform will encrypt later data units (01 none, 02 RSA, 03 AES128,
 *                       2025: 04 SM2, 05 SM4)
 */
public record PlatformLogin(FrameHeader header, DataTime time, int serial, FixedString username,
                            FixedString password, int encryptionRule) implements Gb32960Message {

    public static final int USERNAME_LENGTH = 12;
    public static final int PASSWORD_LENGTH = 20;
    public static final int LENGTH = 6 + 2 + USERNAME_LENGTH + PASSWORD_LENGTH + 1;
}
