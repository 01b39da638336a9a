package io.gb32960.protocol.codec;

import io.gb32960.protocol.crypto.CryptoException;
import io.gb32960.protocol.crypto.DataUnitCipher;
import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.protocol.frame.Bcc;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.FrameLayout;
import io.gb32960.protocol.message.EncryptedMessage;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.wire.WireWriter;
import io.netty.buffer.ByteBuf;

import java.util.Objects;

/**
 * Encodes messages into frames: header, data unit (encrypted when the header says so), length and
 * BCC computed here, never taken from the record. Immutable and thread-safe.
 *
 * <p>An invalid message (a value wider than its field, a record of the other edition, a missing
 * key) throws {@link IllegalArgumentException}. A key provider must not call back into the same
 * encoder: each thread encodes into one scratch buffer.
 */
public final class Gb32960Encoder {

    private static final int TYPICAL_FRAME = 512;

    private final KeyProvider keys;
    /** Per-thread scratch space: each frame is encoded there, then copied out at its exact size. */
    private final ThreadLocal<WireWriter> scratch = ThreadLocal.withInitial(() -> new WireWriter(TYPICAL_FRAME));

    public Gb32960Encoder(KeyProvider keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** An encoder without keys: plaintext frames only (and pass-through of {@link EncryptedMessage}). */
    public static Gb32960Encoder plain() {
        return new Gb32960Encoder(KeyProvider.NONE);
    }

    public byte[] encode(Gb32960Message message) {
        WireWriter w = write(message);
        return w.toByteArray();
    }

    /** Appends the frame of {@code message} to {@code out}. */
    public void encode(Gb32960Message message, ByteBuf out) {
        WireWriter w = write(message);
        out.writeBytes(w.array(), 0, w.size());
    }

    /** The plaintext data unit of {@code message} (what a response echo carries). */
    public static byte[] dataUnit(Gb32960Message message) {
        WireWriter w = new WireWriter(TYPICAL_FRAME);
        MessageBodyEncoder.encode(message, w);
        return w.toByteArray();
    }

    private WireWriter write(Gb32960Message message) {
        FrameHeader h = message.header();
        WireWriter w = scratch.get();
        w.reset();
        int start = h.edition().startByte();
        w.u8(start).u8(start).u8(h.command()).u8(h.responseFlag()).uniqueId(h.vin()).u8(h.encryption()).u16(0);
        MessageBodyEncoder.encode(message, w);
        if (h.isEncrypted() && !(message instanceof EncryptedMessage)) {
            w = encrypt(h, w);
        }
        int dataLength = w.size() - FrameLayout.HEADER_LENGTH;
        if (dataLength > FrameLayout.MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("data unit of " + dataLength + " bytes exceeds 65531");
        }
        w.setU16(FrameLayout.LENGTH_OFFSET, dataLength);
        w.u8(Bcc.xor(w.array(), FrameLayout.COMMAND_OFFSET, w.size()));
        return w;
    }

    private WireWriter encrypt(FrameHeader h, WireWriter plain) {
        EncryptionType type = EncryptionType.find(h.encryption()).orElseThrow();
        DataUnitCipher cipher = keys.cipher(h.vin(), type).orElseThrow(
                () -> new IllegalArgumentException("no " + type.label() + " key for " + h.vin()));
        byte[] all = plain.array();
        byte[] body = java.util.Arrays.copyOfRange(all, FrameLayout.HEADER_LENGTH, plain.size());
        byte[] cipherText;
        try {
            cipherText = cipher.encrypt(body);
        } catch (CryptoException e) {
            throw new IllegalArgumentException("cannot encrypt data unit for " + h.vin() + ": " + e.getMessage(), e);
        }
        WireWriter w = new WireWriter(FrameLayout.HEADER_LENGTH + cipherText.length + 1);
        w.bytes(all, 0, FrameLayout.HEADER_LENGTH).bytes(cipherText);
        return w;
    }
}
