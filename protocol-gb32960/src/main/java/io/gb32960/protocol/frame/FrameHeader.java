package io.gb32960.protocol.frame;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The 24-byte frame header (Table 2). Values are raw so unknown command or encryption bytes
 * survive; {@code vin} is the 17-byte unique id (唯一识别码) as ISO-8859-1 text with trailing NUL
 * padding removed (short test ids are NUL-padded), which re-encodes byte for byte.
 *
 * @param dataLength the declared data-unit length (of the ciphertext when encrypted); 0 in headers
 *                   built in code: the encoder computes the real one
 */
public record FrameHeader(Edition edition, int command, int responseFlag, String vin, int encryption, int dataLength) {

    public FrameHeader {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(vin, "vin");
    }

    public static FrameHeader command(Edition edition, int command, String vin) {
        return new FrameHeader(edition, command, ResponseFlag.COMMAND, vin, EncryptionType.NONE.id(), 0);
    }

    public boolean isCommand() {
        return responseFlag == ResponseFlag.COMMAND;
    }

    public boolean isEncrypted() {
        return encryption == EncryptionType.RSA.id() || encryption == EncryptionType.AES128.id()
                || encryption == EncryptionType.SM2.id() || encryption == EncryptionType.SM4.id();
    }

    public String commandName() {
        return CommandId.nameOf(command);
    }

    public FrameHeader withResponseFlag(int flag) {
        return new FrameHeader(edition, command, flag, vin, encryption, dataLength);
    }

    public FrameHeader withEncryption(int encryptionType) {
        return new FrameHeader(edition, command, responseFlag, vin, encryptionType, dataLength);
    }

    public FrameHeader withDataLength(int length) {
        return new FrameHeader(edition, command, responseFlag, vin, encryption, length);
    }

    /**
     * Parses the header at {@code offset}; the caller has checked that 24 bytes are there and that
     * the start bytes name an edition.
     */
    public static FrameHeader parse(byte[] a, int offset) {
        Edition edition = Edition.fromStartByte(a[offset] & 0xFF);
        return new FrameHeader(edition, a[offset + 2] & 0xFF, a[offset + 3] & 0xFF,
                vin(a, offset + FrameLayout.UNIQUE_ID_OFFSET), a[offset + 21] & 0xFF,
                ((a[offset + 22] & 0xFF) << 8) | (a[offset + 23] & 0xFF));
    }

    /** As {@link #parse(byte[], int)}, at an absolute index of {@code buf}. */
    public static FrameHeader parse(ByteBuf buf, int index) {
        Edition edition = Edition.fromStartByte(buf.getUnsignedByte(index));
        return new FrameHeader(edition, buf.getUnsignedByte(index + 2), buf.getUnsignedByte(index + 3),
                vin(buf, index + FrameLayout.UNIQUE_ID_OFFSET), buf.getUnsignedByte(index + 21),
                buf.getUnsignedShort(index + 22));
    }

    private static String vin(byte[] a, int offset) {
        int len = FrameLayout.UNIQUE_ID_LENGTH;
        while (len > 0 && a[offset + len - 1] == 0) {
            len--;
        }
        return new String(a, offset, len, StandardCharsets.ISO_8859_1);
    }

    private static String vin(ByteBuf buf, int index) {
        int len = FrameLayout.UNIQUE_ID_LENGTH;
        while (len > 0 && buf.getByte(index + len - 1) == 0) {
            len--;
        }
        return buf.toString(index, len, StandardCharsets.ISO_8859_1);
    }

    /** Writes the 17-byte unique id, NUL-padded. */
    public static void writeVin(String vin, byte[] target, int offset) {
        if (vin.length() > FrameLayout.UNIQUE_ID_LENGTH) {
            throw new IllegalArgumentException("unique id longer than 17 bytes: " + vin);
        }
        for (int i = 0; i < vin.length(); i++) {
            char c = vin.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("unique id is not single-byte text: " + vin);
            }
            target[offset + i] = (byte) c;
        }
        for (int i = vin.length(); i < FrameLayout.UNIQUE_ID_LENGTH; i++) {
            target[offset + i] = 0;
        }
    }
}
