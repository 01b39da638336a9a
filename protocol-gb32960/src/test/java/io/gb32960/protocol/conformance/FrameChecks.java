package io.gb32960.protocol.conformance;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.frame.Bcc;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.FrameLayout;
import io.gb32960.protocol.json.Gb32960Json;
import io.gb32960.protocol.message.Activation;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.ControlResponse;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.message.PlatformLogout;
import io.gb32960.protocol.message.QueryCommand;
import io.gb32960.protocol.message.QueryResponse;
import io.gb32960.protocol.message.Response;
import io.gb32960.protocol.message.SetCommand;
import io.gb32960.protocol.message.SetResponse;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.Hex;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every entry asserts, whatever its source: the header fields against the corpus authors'
 * own parse ({@code checked_by_us}), and decode → encode giving back the same bytes.
 */
final class FrameChecks {

    static final Gb32960Decoder UPLINK = Gb32960Decoder.uplink();
    static final Gb32960Decoder DOWNLINK = Gb32960Decoder.downlink();
    static final Gb32960Encoder ENCODER = Gb32960Encoder.plain();
    private static final Gb32960Json JSON = new Gb32960Json();

    private FrameChecks() {
    }

    /**
     * Decodes a frame entry: header as checked by the corpus authors, then a byte-identical round
     * trip (and decode(encode(m)) equals m, and the JSON view renders).
     */
    static Gb32960Message decodeFrame(CorpusEntry e, Gb32960Decoder decoder) {
        assertThat(e.isFrame()).as("entry kind").isTrue();
        FrameHeader header = Gb32960Decoder.checkFrame(e.bytes(), 0, e.bytes().length);
        assertHeaderAsChecked(e, header);
        Gb32960Message m = decoder.decode(e.bytes());
        assertThat(m.header()).as("decoded header").isEqualTo(header);
        assertRoundTrip(m, e.bytes(), decoder);
        return m;
    }

    /** Decodes any frame (a source's reply, say) and asserts the round trip. */
    static Gb32960Message decodeFrame(byte[] frame, Gb32960Decoder decoder) {
        Gb32960Message m = decoder.decode(frame);
        assertRoundTrip(m, frame, decoder);
        return m;
    }

    static void assertRoundTrip(Gb32960Message m, byte[] frame, Gb32960Decoder decoder) {
        byte[] again = ENCODER.encode(m);
        assertThat(Hex.encode(again)).as("re-encoded frame").isEqualTo(Hex.encode(frame));
        assertThat(decoder.decode(again)).as("decode(encode(decoded))").isEqualTo(m);
        assertThat(JSON.toJson(m)).as("JSON view").startsWith("{");
    }

    /** The header fields against {@code checked_by_us}: start/edition, command, flag, unique id, encryption, length. */
    static void assertHeaderAsChecked(CorpusEntry e, FrameHeader h) {
        JsonNode c = e.checked();
        assertThat(h.edition()).as("edition (start bytes %s)", c.get("start").asString()).isEqualTo(e.edition());
        assertThat(Hex.encode(e.bytes(), 0, 2)).as("start bytes").isEqualTo(c.get("start").asString());
        assertThat(h.command()).as("command").isEqualTo(Check.leadingHex(c.get("cmd")));
        assertThat(h.responseFlag()).as("response flag").isEqualTo(Check.leadingHex(c.get("ack")));
        assertThat(h.vin()).as("unique id").isEqualTo(c.get("vin_raw").asString().replace("\0", ""));
        assertThat(h.encryption()).as("encryption").isEqualTo(Check.leadingHex(c.get("enc")));
        assertThat(h.dataLength()).as("declared data length").isEqualTo(c.get("declared_data_len").asInt());
    }

    /** A frame the decoder must reject with {@code error}; its header still parses as the corpus says. */
    static void assertRejected(CorpusEntry e, Gb32960Decoder decoder, DecodeError error) {
        assertThat(e.bytes().length).as("frame holds a header").isGreaterThanOrEqualTo(FrameLayout.HEADER_LENGTH);
        assertHeaderAsChecked(e, FrameHeader.parse(e.bytes(), 0));
        assertThatThrownBy(() -> decoder.decode(e.bytes()))
                .isInstanceOfSatisfying(Gb32960DecodeException.class,
                        ex -> assertThat(ex.error()).as("decode error (%s)", ex.getMessage()).isEqualTo(error));
    }

    /** Builds a plaintext frame around a data unit: header, data unit, BCC. */
    static byte[] frame(Edition edition, int command, int flag, String vin, byte[] dataUnit) {
        byte[] f = new byte[FrameLayout.frameLength(dataUnit.length)];
        f[0] = (byte) edition.startByte();
        f[1] = (byte) edition.startByte();
        f[FrameLayout.COMMAND_OFFSET] = (byte) command;
        f[FrameLayout.FLAG_OFFSET] = (byte) flag;
        FrameHeader.writeVin(vin, f, FrameLayout.UNIQUE_ID_OFFSET);
        f[FrameLayout.ENCRYPTION_OFFSET] = (byte) EncryptionType.NONE.id();
        f[FrameLayout.LENGTH_OFFSET] = (byte) (dataUnit.length >>> 8);
        f[FrameLayout.LENGTH_OFFSET + 1] = (byte) dataUnit.length;
        System.arraycopy(dataUnit, 0, f, FrameLayout.HEADER_LENGTH, dataUnit.length);
        f[f.length - 1] = (byte) Bcc.xor(f, FrameLayout.COMMAND_OFFSET, f.length - 1);
        return f;
    }

    /**
     * Decodes a {@code data_unit} entry wrapped into a frame of {@code command}; asserts the
     * synthetic header, that the data unit is the entry's bytes, the round trip, and that
     * {@code decodeDataUnit} on the bare data unit gives the same message.
     */
    static Gb32960Message decodeDataUnit(CorpusEntry e, int command, int flag, String vin, Gb32960Decoder decoder) {
        assertThat(e.isDataUnit()).as("entry kind").isTrue();
        assertThat(e.bytes().length).as("data unit size").isEqualTo(e.checked().get("bytes").asInt());
        byte[] frame = frame(e.edition(), command, flag, vin, e.bytes());
        Gb32960Message m = decoder.decode(frame);
        FrameHeader h = m.header();
        assertThat(h.edition()).isEqualTo(e.edition());
        assertThat(h.command()).as("command").isEqualTo(command);
        assertThat(h.responseFlag()).as("response flag").isEqualTo(flag);
        assertThat(h.vin()).as("unique id").isEqualTo(vin);
        assertThat(h.encryption()).as("encryption").isEqualTo(EncryptionType.NONE.id());
        assertThat(h.dataLength()).as("data length").isEqualTo(e.bytes().length);
        assertRoundTrip(m, frame, decoder);
        assertThat(decoder.decodeDataUnit(h, e.bytes(), 0, e.bytes().length)).as("decodeDataUnit").isEqualTo(m);
        return m;
    }

    /** The data-unit time of messages that carry one, else null. */
    static DataTime timeOf(Gb32960Message m) {
        if (m instanceof VehicleLogin x) {
            return x.time();
        } else if (m instanceof TelemetryReport x) {
            return x.time();
        } else if (m instanceof VehicleLogout x) {
            return x.time();
        } else if (m instanceof PlatformLogin x) {
            return x.time();
        } else if (m instanceof PlatformLogout x) {
            return x.time();
        } else if (m instanceof Response x) {
            return x.time();
        } else if (m instanceof Activation x) {
            return x.time();
        } else if (m instanceof QueryCommand x) {
            return x.time();
        } else if (m instanceof QueryResponse x) {
            return x.time();
        } else if (m instanceof SetCommand x) {
            return x.time();
        } else if (m instanceof SetResponse x) {
            return x.time();
        } else if (m instanceof ControlCommand x) {
            return x.time();
        } else if (m instanceof ControlResponse x) {
            return x.time();
        }
        return null;
    }

    /** The 17-byte unique id of a frame entry as the decoder reports it (NULs trimmed). */
    static String checkedVin(CorpusEntry e) {
        return e.checked().get("vin_raw").asString().replace("\0", "");
    }
}
