package io.gb32960.protocol.fuzz;

import io.gb32960.protocol.codec.Direction;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.codec.ProfileResolver;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.codec.TerminalProfile;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.protocol.frame.Bcc;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.FrameLayout;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.wire.Hex;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inputs the fuzzer ({@link Gb32960FuzzTest}) found breaking the decoder contract: only
 * {@link Gb32960DecodeException} may escape, and whatever decodes re-encodes to the same bytes.
 * Each case names the seed and iteration that found it.
 */
class Gb32960DecoderRegressionTest {

    private static final Gb32960Decoder DOWNLINK = Gb32960Decoder.downlink();
    private static final Gb32960Decoder DOWNLINK_TEXT = new Gb32960Decoder(Direction.DOWNLINK,
            ProfileResolver.fixed(new TerminalProfile("b15-text", ResponseStyle.TIME_ONLY, UpgradeLayout.TABLE_B15_TEXT)),
            KeyProvider.NONE);
    private static final Gb32960Decoder UPLINK_TEXT = new Gb32960Decoder(Direction.UPLINK,
            ProfileResolver.fixed(new TerminalProfile("b15-text", ResponseStyle.TIME_ONLY, UpgradeLayout.TABLE_B15_TEXT)),
            KeyProvider.NONE);

    /**
     * Downlink 0x80 query with a parameter count of 253: the {@code QueryCommand} record rejects more
     * than 252 ids with an IllegalArgumentException, which escaped the decoder. Found with seed
     * 0x329602025, iteration 261621 (shrunk from 587 bytes).
     */
    @Test
    void rejectsAQueryOfMoreThan252IdsWithADecodeException() {
        byte[] found = Hex.decode("""
                242480fe4c4742333239363046555a5a3030303031010105190b0108003bfe3548f5701309a4766ca72c25a1f91e
                cbf9151405714ba2c17f6fad1184571938783588b554e8cbf2e4ddda85cc9d1174dc321276bfdf326d68d8984952
                0b50cdf9639c2d393b7431ea5c3a708ce26bbbf3cd6bfabe42ea594a3bd274aa0cd9d1ea14bddcac995133a5c115
                a0ec65a4aaa3afc90a027ba4c923a58873a5f3b273449338eceebc5ba35cc69754488b745304f402f1a098c4632c
                17687205b934a926c384c493538857d4e1840ff9669c096e25d981fc71e5da1856facdae06567d40763786c268ed
                0808fcb277f8a191391e0e337f057020b5b27370a8e97353b0a7d5d6594e8a3b4726f9da8ff5040b31ba1841df42
                b5932a678f37b367be10""");
        assertThat(found[30] & 0xFF).as("the count byte after the time").isEqualTo(0xFE);
        assertThatThrownBy(() -> DOWNLINK.decode(found)).isInstanceOf(Gb32960DecodeException.class);

        // the smallest such frame: time, count 253, 253 ids
        byte[] unit = new byte[6 + 1 + 253];
        System.arraycopy(Hex.decode("190b0108003b"), 0, unit, 0, 6);
        unit[6] = (byte) 253;
        Arrays.fill(unit, 7, unit.length, (byte) 0x01);
        byte[] minimal = frame(Edition.V2016, CommandId.QUERY.id(), 0xFE, unit);
        assertThatThrownBy(() -> DOWNLINK.decode(minimal)).isInstanceOf(Gb32960DecodeException.class);
    }

    /**
     * Table B.15 text remote upgrade whose timeout field reads "00": decoded as 0, re-encoded as "0".
     * Found with seed 0x329602025, iteration 22679. The same goes for "0021" or "+21" in the port.
     */
    @Test
    void keepsTheDigitsOfATextUpgradeNumberOrRejectsThem() {
        byte[] found = Hex.decode("232382fe4c4742333239363046555a5a3030303031010012190b0108003b013b3b3b3b3b3b3b3b3b303020");
        assertLosslessOrRejected(DOWNLINK_TEXT, found);
        assertLosslessOrRejected(UPLINK_TEXT, found);

        for (String port : new String[] {"0021", "+21"}) {
            byte[] f = textUpgrade(Edition.V2016, "ftp://x;apn;u;p;addr;" + port + ";M;HW;FW;10");
            assertLosslessOrRejected(DOWNLINK_TEXT, f);
        }
    }

    /**
     * Table B.15 text remote upgrade with an eleventh (empty) field, i.e. a trailing ';' after the
     * tenth: accepted as ten fields and the separator dropped on re-encoding. Found with seed 0x7,
     * iteration 609 (shrunk).
     */
    @Test
    void doesNotDropATrailingSeparatorOfATextUpgrade() {
        byte[] found = Hex.decode("232382fe4c4742333239363046555a5a3030303031010011190b0108003b013b3b3b3b3b3b3b3b3b3b18");
        assertLosslessOrRejected(DOWNLINK_TEXT, found);
        assertLosslessOrRejected(UPLINK_TEXT, found);
    }

    /**
     * The encoder writes a Table B.15 text upgrade without a timeout as nine separators with an
     * empty tenth field, and the decoder rejects its own encoder's output ("9 of 10 fields").
     */
    @Test
    void decodesATextUpgradeWhoseLastFieldIsEmpty() {
        RemoteUpgrade upgrade = new RemoteUpgrade(UpgradeLayout.TABLE_B15_TEXT, "ftp://fw.example.cn/t.bin", "TK", "u",
                "p", "bd.com", 21, "ABCD", "HW1.0", "FW2.1", null);
        ControlCommand command = new ControlCommand(
                FrameHeader.command(Edition.V2016, CommandId.TERMINAL_CONTROL.id(), SeedCorpus.VIN), SeedCorpus.TIME,
                upgrade);
        byte[] encoded = Gb32960Encoder.plain().encode(command);
        assertThat(encoded[encoded.length - 2]).as("ends in ';' and an empty timeout").isEqualTo((byte) ';');

        Gb32960Message decoded = DOWNLINK_TEXT.decode(encoded);

        assertThat(((ControlCommand) decoded).control()).isEqualTo(upgrade);
        assertThat(Gb32960Encoder.plain().encode(decoded)).isEqualTo(encoded);
    }

    private static void assertLosslessOrRejected(Gb32960Decoder decoder, byte[] input) {
        Gb32960Message message;
        try {
            message = decoder.decode(input);
        } catch (Gb32960DecodeException rejected) {
            return;
        }
        assertThat(Hex.encode(Gb32960Encoder.plain().encode(message)))
                .as("%s decoded %s as %s", decoder.direction(), Hex.encode(input), message)
                .isEqualTo(Hex.encode(input));
    }

    private static byte[] textUpgrade(Edition edition, String fields) {
        byte[] text = fields.getBytes(StandardCharsets.ISO_8859_1);
        byte[] unit = new byte[6 + 1 + text.length];
        System.arraycopy(Hex.decode("190b0108003b"), 0, unit, 0, 6);
        unit[6] = 0x01; // remote upgrade
        System.arraycopy(text, 0, unit, 7, text.length);
        return frame(edition, CommandId.TERMINAL_CONTROL.id(), 0xFE, unit);
    }

    /** A frame around {@code unit} with the length and BCC computed. */
    private static byte[] frame(Edition edition, int command, int flag, byte[] unit) {
        byte[] f = new byte[FrameLayout.frameLength(unit.length)];
        f[0] = (byte) edition.startByte();
        f[1] = (byte) edition.startByte();
        f[2] = (byte) command;
        f[3] = (byte) flag;
        FrameHeader.writeVin(SeedCorpus.VIN, f, FrameLayout.UNIQUE_ID_OFFSET);
        f[FrameLayout.ENCRYPTION_OFFSET] = 0x01;
        f[FrameLayout.LENGTH_OFFSET] = (byte) (unit.length >>> 8);
        f[FrameLayout.LENGTH_OFFSET + 1] = (byte) unit.length;
        System.arraycopy(unit, 0, f, FrameLayout.HEADER_LENGTH, unit.length);
        f[f.length - 1] = (byte) Bcc.xor(f, FrameLayout.COMMAND_OFFSET, f.length - 1);
        return f;
    }
}
