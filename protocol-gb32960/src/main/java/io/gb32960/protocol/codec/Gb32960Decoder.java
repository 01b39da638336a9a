package io.gb32960.protocol.codec;

import io.gb32960.protocol.crypto.CryptoException;
import io.gb32960.protocol.crypto.DataUnitCipher;
import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.protocol.frame.Bcc;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.FrameLayout;
import io.gb32960.protocol.frame.HeaderCache;
import io.gb32960.protocol.message.EncryptedMessage;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.WireReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.util.Objects;
import java.util.Optional;

/**
 * Decodes whole frames (or a framed data unit) into {@link Gb32960Message} records, for either
 * edition, detected from the start bytes of each frame. Order per Table 2: check the length and the
 * BCC first, then decrypt, then parse. Thread-safe; keep one per connection or consumer thread so
 * its {@link HeaderCache} serves repeat senders without allocating.
 *
 * <p>Bad input throws {@link Gb32960DecodeException} and nothing else.
 */
public final class Gb32960Decoder {

    private static final int HEADER_CACHE_SIZE = 1024;
    private static final byte[] EMPTY = new byte[0];

    private final Direction direction;
    private final ProfileResolver profiles;
    private final KeyProvider keys;
    private final HeaderCache headers = new HeaderCache(HEADER_CACHE_SIZE);
    /** One cursor per thread, pointed at each data unit in turn (the decode path is not reentrant). */
    private final ThreadLocal<WireReader> readers = ThreadLocal.withInitial(() -> new WireReader(EMPTY, 0, 0, false));

    public Gb32960Decoder(Direction direction, ProfileResolver profiles, KeyProvider keys) {
        this.direction = Objects.requireNonNull(direction, "direction");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** A platform-side decoder: uplink frames, default profile, no keys. */
    public static Gb32960Decoder uplink() {
        return new Gb32960Decoder(Direction.UPLINK, ProfileResolver.DEFAULT, KeyProvider.NONE);
    }

    /** A terminal-side decoder (the simulator): downlink frames, default profile, no keys. */
    public static Gb32960Decoder downlink() {
        return new Gb32960Decoder(Direction.DOWNLINK, ProfileResolver.DEFAULT, KeyProvider.NONE);
    }

    public Direction direction() {
        return direction;
    }

    /** Decodes exactly one frame; the message copies what it keeps, so {@code frame} stays the caller's. */
    public Gb32960Message decode(byte[] frame) {
        return decode(frame, 0, frame.length);
    }

    /** Decodes exactly one frame occupying {@code a[offset..offset+length)}; copies what it keeps. */
    public Gb32960Message decode(byte[] a, int offset, int length) {
        FrameHeader header = checkFrame(a, offset, length, headers);
        return decodeDataUnit(header, a, offset + FrameLayout.HEADER_LENGTH, header.dataLength(), false);
    }

    /**
     * Decodes exactly one frame that the caller hands over: bulk values of the message (cell
     * voltages, temperatures, opaque and user-defined bytes) are views into {@code frame} rather
     * than copies, so {@code frame} must never be changed afterwards. For arrays that are fresh per
     * frame, such as Kafka record values or lines of hex.
     */
    public Gb32960Message decodeOwned(byte[] frame) {
        FrameHeader header = checkFrame(frame, 0, frame.length, headers);
        return decodeDataUnit(header, frame, FrameLayout.HEADER_LENGTH, header.dataLength(), true);
    }

    /**
     * Decodes the readable bytes of {@code frame}, which must be exactly one frame. Neither the
     * reader index nor the reference count changes.
     */
    public Gb32960Message decode(ByteBuf frame) {
        int length = frame.readableBytes();
        // one copy, then views into it: buffers are pooled and their arrays reused
        return decodeOwned(ByteBufUtil.getBytes(frame, frame.readerIndex(), length, true));
    }

    /** Validates start, declared length and BCC of the frame at {@code a[offset..offset+length)}. */
    public static FrameHeader checkFrame(byte[] a, int offset, int length) {
        return checkFrame(a, offset, length, null);
    }

    private static FrameHeader checkFrame(byte[] a, int offset, int length, HeaderCache cache) {
        if (length < FrameLayout.MIN_FRAME_LENGTH) {
            throw new Gb32960DecodeException(DecodeError.TRUNCATED, "a frame has at least 25 bytes, got " + length);
        }
        if (a[offset] != a[offset + 1] || Edition.fromStartByte(a[offset] & 0xFF) == null) {
            throw new Gb32960DecodeException(DecodeError.BAD_START,
                    String.format("start bytes %02x%02x are neither ## nor $$", a[offset], a[offset + 1]));
        }
        FrameHeader header = cache == null ? FrameHeader.parse(a, offset) : cache.parse(a, offset);
        int declared = header.dataLength();
        if (declared > FrameLayout.MAX_DATA_LENGTH) {
            throw new Gb32960DecodeException(DecodeError.LENGTH_OUT_OF_RANGE, "declared data length " + declared + " > 65531");
        }
        if (FrameLayout.frameLength(declared) != length) {
            throw new Gb32960DecodeException(DecodeError.LENGTH_MISMATCH,
                    "declared data length " + declared + " but the frame carries " + (length - FrameLayout.MIN_FRAME_LENGTH));
        }
        int bccIndex = offset + length - 1;
        int bcc = Bcc.xor(a, offset + FrameLayout.COMMAND_OFFSET, bccIndex);
        if (bcc != (a[bccIndex] & 0xFF)) {
            throw new Gb32960DecodeException(DecodeError.BAD_BCC,
                    String.format("BCC is %02x, computed %02x", a[bccIndex] & 0xFF, bcc));
        }
        return header;
    }

    /**
     * Decodes a data unit already checked by the framer ({@code a[offset..offset+length)}),
     * decrypting it first when the header says so and a key is known.
     */
    public Gb32960Message decodeDataUnit(FrameHeader header, byte[] a, int offset, int length) {
        return decodeDataUnit(header, a, offset, length, false);
    }

    private Gb32960Message decodeDataUnit(FrameHeader header, byte[] a, int offset, int length, boolean owned) {
        if (header.isEncrypted()) {
            EncryptionType type = EncryptionType.find(header.encryption()).orElseThrow();
            Optional<DataUnitCipher> cipher = keys.cipher(header.vin(), type);
            if (cipher.isEmpty()) {
                return new EncryptedMessage(header, Bytes.of(a, offset, length));
            }
            byte[] plain;
            try {
                plain = cipher.get().decrypt(Bytes.of(a, offset, length).toByteArray());
            } catch (CryptoException | IllegalArgumentException e) {
                throw new Gb32960DecodeException(DecodeError.DECRYPTION_FAILED,
                        type.label() + " data unit of " + header.vin() + " does not decrypt: " + e.getMessage(), e);
            }
            return MessageBodyDecoder.decode(header, new WireReader(plain, 0, plain.length, true), direction,
                    profiles.profileOf(header.vin()), keys);
        }
        WireReader reader = readers.get().reset(a, offset, length, owned);
        try {
            return MessageBodyDecoder.decode(header, reader, direction, profiles.profileOf(header.vin()), keys);
        } finally {
            reader.reset(EMPTY, 0, 0, false); // do not keep the frame reachable
        }
    }
}
