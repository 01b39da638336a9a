package io.gb32960.platform.common.cluster;

import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.message.PlatformCustomMessage;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

import java.util.Objects;

/**
 * The platform-defined assignment frame 0xC0 (docs/protocol-extensions.md): sent by the dispatch
 * listener after a successful platform login, response flag 0xFE, the VIN as unique id, no
 * encryption. Data unit: time BYTE[6], port WORD, host length BYTE, host ASCII, token length BYTE,
 * token ASCII.
 */
public record Assignment(DataTime time, String host, int port, String token) {

    public static final int COMMAND = 0xC0;

    public Assignment {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        if (host.length() > 255 || token.length() > 255) {
            throw new IllegalArgumentException("host and token are at most 255 bytes");
        }
    }

    public PlatformCustomMessage toMessage(Edition edition, String vin) {
        WireWriter w = new WireWriter(64);
        w.time(time).u16(port).u8(host.length()).text(host).u8(token.length()).text(token);
        FrameHeader h = new FrameHeader(edition, COMMAND, ResponseFlag.COMMAND, vin, EncryptionType.NONE.id(), 0);
        return new PlatformCustomMessage(h, Bytes.of(w.toByteArray()));
    }

    /** @throws io.gb32960.protocol.codec.Gb32960DecodeException when the data unit is not an assignment */
    public static Assignment from(PlatformCustomMessage m) {
        WireReader in = WireReader.of(m.data().toByteArray());
        DataTime time = in.time();
        int port = in.u16();
        String host = new String(in.bytes(in.u8(), "host"), java.nio.charset.StandardCharsets.US_ASCII);
        String token = new String(in.bytes(in.u8(), "token"), java.nio.charset.StandardCharsets.US_ASCII);
        return new Assignment(time, host, port, token);
    }

    /** The login extension carrying the token: token length BYTE, token ASCII. */
    public static Bytes loginExtension(String token) {
        byte[] t = token.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[t.length + 1];
        out[0] = (byte) t.length;
        System.arraycopy(t, 0, out, 1, t.length);
        return Bytes.of(out);
    }

    /** The token of a login extension, or null when the login carries none (or something else). */
    public static String tokenOf(Bytes extension) {
        if (extension.length() < 2 || extension.get(0) != extension.length() - 1) {
            return null;
        }
        return extension.toString(java.nio.charset.StandardCharsets.US_ASCII).substring(1);
    }
}
