package io.gb32960.protocol.codec;

import io.gb32960.protocol.crypto.CryptoException;
import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.protocol.crypto.SignatureVerifier;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.message.SignatureStatus;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.unit.InfoUnitCodecs;
import io.gb32960.protocol.unit.OpaqueRemainder;
import io.gb32960.protocol.unit.UserDefinedUnit;
import io.gb32960.protocol.value.OwnedList;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Realtime 0x02 / reissue 0x03 data units: time, then {@code [type][body]} items until the end;
 * in 2025 the 0xFF marker starts the signature (Tables 7-9).
 */
final class TelemetryBodyCodec {

    static final int SIGNATURE_MARKER = 0xFF;

    private TelemetryBodyCodec() {
    }

    static TelemetryReport decode(FrameHeader header, WireReader in, KeyProvider keys) {
        Edition edition = header.edition();
        InfoUnitCodecs codecs = InfoUnitCodecs.of(edition);
        int dataStart = in.absolutePosition();
        DataTime time = in.time();
        InfoUnit[] units = new InfoUnit[8];
        int n = 0;
        Signature signature = null;
        SignatureStatus status = SignatureStatus.ABSENT;
        Bytes trailer = Bytes.EMPTY;
        while (in.hasRemaining()) {
            int type = in.u8();
            InfoUnit unit;
            if (type == SIGNATURE_MARKER && edition == Edition.V2025) {
                int signedLength = in.absolutePosition() - 1 - dataStart;
                signature = readSignature(in);
                trailer = in.rest();
                status = verify(header.vin(), signature, in.array(), dataStart, signedLength, keys);
                break;
            } else if (codecs.defines(type)) {
                unit = codecs.decode(type, in);
            } else if (type >= 0x80 && type <= 0xFE && in.remaining() >= 2) {
                unit = userDefined(type, in);
            } else {
                int marker = edition == Edition.V2025 ? signatureMarkerAfter(in) : -1;
                unit = new OpaqueRemainder(type, in.blob((marker < 0 ? in.absolutePosition() + in.remaining() : marker)
                        - in.absolutePosition(), "opaque remainder"));
            }
            if (n == units.length) {
                units = Arrays.copyOf(units, n * 2);
            }
            units[n++] = unit;
        }
        return new TelemetryReport(header, time, OwnedList.of(units, n), signature, status, trailer);
    }

    /**
     * After an unknown item in a 2025 frame, the position of the first 0xFF from which a signature
     * (Table 8) parses to exactly the end of the data unit, or -1. Without this search the
     * signature would disappear into the opaque remainder and a signed frame would look unsigned.
     */
    private static int signatureMarkerAfter(WireReader in) {
        byte[] a = in.array();
        int end = in.absolutePosition() + in.remaining();
        for (int p = in.absolutePosition(); p + 6 <= end; p++) {
            if ((a[p] & 0xFF) != SIGNATURE_MARKER) {
                continue;
            }
            int rLength = ((a[p + 2] & 0xFF) << 8) | (a[p + 3] & 0xFF);
            int sAt = p + 4 + rLength;
            if (sAt + 2 <= end && sAt + 2 + (((a[sAt] & 0xFF) << 8) | (a[sAt + 1] & 0xFF)) == end) {
                return p;
            }
        }
        return -1;
    }

    /** A WORD length that overruns the data unit makes the rest opaque instead of failing the frame. */
    private static InfoUnit userDefined(int type, WireReader in) {
        int length = in.peekU16();
        if (length + 2 > in.remaining()) {
            return new OpaqueRemainder(type, in.rest());
        }
        in.skip(2);
        return new UserDefinedUnit(type, in.blob(length, "user-defined item"));
    }

    static Signature readSignature(WireReader in) {
        int type = in.u8();
        Bytes r = in.blob(in.u16(), "signature R");
        Bytes s = in.blob(in.u16(), "signature S");
        return new Signature(type, r, s);
    }

    static void writeSignature(Signature sig, WireWriter out) {
        out.u8(sig.type()).u16(sig.r().length()).blob(sig.r()).u16(sig.s().length()).blob(sig.s());
    }

    static SignatureStatus verify(String vin, Signature signature, byte[] a, int offset, int length,
                                          KeyProvider keys) {
        Optional<SignatureVerifier> verifier = keys.verifier(vin);
        if (verifier.isEmpty()) {
            return SignatureStatus.NOT_CHECKED;
        }
        try {
            return verifier.get().verify(signature, a, offset, length) ? SignatureStatus.VERIFIED : SignatureStatus.FAILED;
        } catch (CryptoException e) {
            return SignatureStatus.NOT_CHECKED;
        }
    }

    static void encode(TelemetryReport report, WireWriter out) {
        Edition edition = report.header().edition();
        InfoUnitCodecs codecs = InfoUnitCodecs.of(edition);
        out.time(report.time());
        List<InfoUnit> units = report.units();
        for (int i = 0; i < units.size(); i++) {
            codecs.encode(units.get(i), out);
        }
        if (report.signature() != null) {
            if (edition != Edition.V2025) {
                throw new IllegalArgumentException("signatures exist in 2025 frames only");
            }
            out.u8(SIGNATURE_MARKER);
            writeSignature(report.signature(), out);
        }
        out.blob(report.trailer());
    }
}
