package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;

/**
 * 2025 data-unit key exchange 0x0B (数据单元加密密钥交换, Table 31): key type (02 RSA, 03 AES,
 * 04 SM2, 05 SM4), the key (WORD length), enable and expiry time.
 */
public record KeyExchange(FrameHeader header, int keyType, Bytes key, DataTime enableTime, DataTime expiryTime)
        implements Gb32960Message {
}
