package io.gb32960.protocol.crypto;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.codec.Direction;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.codec.ProfileResolver;
import io.gb32960.protocol.frame.Bcc;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.message.Activation;
import io.gb32960.protocol.message.EncryptedMessage;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.message.SignatureStatus;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.unit.VehicleData2025;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Public vectors of the conformance corpus through the decoder and encoder with real keys. */
class CryptoConformanceTest {

    private static final String JTNE = "SmallChi__JTNewEnergy.json";
    private static final String RTM_CON = "beidouchangxi__rtm_con.json";
    private static final String RTM_CON_VIN = "HAUV4BGN6S5002219";

    /**
     * JTNewEnergy's Default_AES128EncryptImpl: key||IV = PBKDF2-HMAC-SHA1("test", salt, 1000
     * iterations, 48 bytes), then AES-256-CBC with PKCS#7 (entry note of JTNewEnergy/0x01_login_AES).
     */
    private static StaticKeyProvider jtNewEnergyKeys() throws Exception {
        byte[] salt = {13, 34, 27, 67, (byte) 189, (byte) 255, 104, (byte) 219, 122};
        byte[] keyIv = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                .generateSecret(new PBEKeySpec("test".toCharArray(), salt, 1000, 48 * 8)).getEncoded();
        DataUnitCipher aes = Ciphers.aesCbc(Arrays.copyOfRange(keyIv, 0, 32), Arrays.copyOfRange(keyIv, 32, 48));
        return StaticKeyProvider.builder().cipher("123456789", EncryptionType.AES128, aes).build();
    }

    @Test
    void jtNewEnergyAesLoginDecryptsAndReencodesByteForByte() throws Exception {
        byte[] frame = ConformanceCorpus.frame(ConformanceCorpus.entry(JTNE, "JTNewEnergy/0x01_login_AES"));
        StaticKeyProvider keys = jtNewEnergyKeys();

        Gb32960Message message = new Gb32960Decoder(Direction.UPLINK, ProfileResolver.DEFAULT, keys).decode(frame);

        assertThat(message).isInstanceOf(VehicleLogin.class);
        VehicleLogin login = (VehicleLogin) message;
        assertThat(login.header().vin()).isEqualTo("123456789");
        assertThat(login.header().encryption()).isEqualTo(EncryptionType.AES128.id());
        assertThat(login.time()).isEqualTo(DataTime.of(2019, 1, 22, 23, 55, 56));
        assertThat(login.serial()).isEqualTo(1);
        assertThat(login.iccid().text()).isEqualTo("12345678998765432100");
        SubsystemCodes codes = (SubsystemCodes) login.codes();
        assertThat(codes.subsystemCount()).isEqualTo(3);
        assertThat(codes.codeLength()).isEqualTo(4);
        assertThat(codes.codes()).extracting(FixedString::text).containsExactly("1234", "4567", "9870");
        // AES-CBC with a fixed IV is deterministic: the same ciphertext, length and BCC
        assertThat(new Gb32960Encoder(keys).encode(message)).isEqualTo(frame);
    }

    @Test
    void jtNewEnergyAesLoginWithoutOrWithAWrongKey() {
        byte[] frame = ConformanceCorpus.frame(ConformanceCorpus.entry(JTNE, "JTNewEnergy/0x01_login_AES"));
        assertThat(Gb32960Decoder.uplink().decode(frame)).isInstanceOf(EncryptedMessage.class);

        StaticKeyProvider wrong = StaticKeyProvider.builder()
                .defaultCipher(EncryptionType.AES128, Ciphers.aesCbc(new byte[32], new byte[16])).build();
        assertThatThrownBy(() -> new Gb32960Decoder(Direction.UPLINK, ProfileResolver.DEFAULT, wrong).decode(frame))
                .isInstanceOf(Gb32960DecodeException.class)
                .satisfies(e -> assertThat(((Gb32960DecodeException) e).error()).isEqualTo(DecodeError.DECRYPTION_FAILED));
    }

    /** rtm_con's public key, through the key-spec grammar (test resource holding only the public half). */
    private static StaticKeyProvider rtmConKeys() throws Exception {
        Path pem = Path.of(CryptoConformanceTest.class.getResource("rtm_con_rsa2048_public.pem").toURI());
        return StaticKeyProvider.of(List.of(KeySpecs.parse(RTM_CON_VIN + "=rsa-public:" + pem)));
    }

    static Stream<Arguments> rtmConSignedRealtimeFrames() {
        return ConformanceCorpus.entries(RTM_CON).stream()
                .filter(e -> "2025".equals(e.path("protocol").asString()))
                .filter(e -> "realtime".equals(e.path("expected").path("msg_type").asString()))
                .filter(e -> e.path("expected").path("payload").has("sig"))
                .map(e -> Arguments.of(e.path("id").asString(), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rtmConSignedRealtimeFrames")
    void rtmConSignaturesVerify(String id, JsonNode entry) throws Exception {
        byte[] frame = ConformanceCorpus.frame(entry);

        Gb32960Message message = new Gb32960Decoder(Direction.UPLINK, ProfileResolver.DEFAULT, rtmConKeys()).decode(frame);

        assertThat(message).isInstanceOf(TelemetryReport.class);
        TelemetryReport report = (TelemetryReport) message;
        assertThat(report.signature().type()).isEqualTo(Signature.RSA);
        assertThat(report.signature().r().toHex()).isEqualTo(entry.path("expected").path("payload").path("sig")
                .path("r_value").asString());
        assertThat(report.signature().s().isEmpty()).isTrue();
        assertThat(report.signatureStatus()).isEqualTo(SignatureStatus.VERIFIED);
    }

    @Test
    void rtmConFoundAllItsSignedFrames() {
        // 8 single-type frames, data_2025, and three malformed ones (duplicated alarm block, trailing bytes,
        // and unknown info bytes before the marker: the decoder finds the signature that parses to the end)
        assertThat(rtmConSignedRealtimeFrames()).hasSize(12);
    }

    /** The 0x09 activation signature covers time .. VIN field (no 0xFF marker there), same key. */
    @Test
    void rtmConActivationSignatureCoversEverythingBeforeIt() throws Exception {
        byte[] frame = ConformanceCorpus.frame(ConformanceCorpus.entry(RTM_CON, "rtm_con/activation2025"));
        Activation activation = (Activation) Gb32960Decoder.uplink().decode(frame);
        int signed = 6 + Activation.CHIP_ID_LENGTH + 2 + activation.publicKey().length() + Activation.VIN_LENGTH;
        SignatureVerifier verifier = rtmConKeys().verifier(RTM_CON_VIN).orElseThrow();

        assertThat(verifier.verify(activation.signature(), frame, 24, signed)).isTrue();
        assertThat(verifier.verify(activation.signature(), frame, 24, signed - 1)).isFalse();
    }

    @Test
    void theDecoderVerifiesActivationSignaturesWithTheRegisteredKey() throws Exception {
        byte[] frame = ConformanceCorpus.frame(ConformanceCorpus.entry(RTM_CON, "rtm_con/activation2025"));
        Path pem = Path.of(CryptoConformanceTest.class.getResource("rtm_con_rsa2048_public.pem").toURI());
        StaticKeyProvider keys = StaticKeyProvider.of(List.of(KeySpecs.parse("HGLH3ACF1PA714408=rsa-public:" + pem)));
        Gb32960Decoder decoder = new Gb32960Decoder(Direction.UPLINK, ProfileResolver.DEFAULT, keys);

        assertThat(((Activation) decoder.decode(frame)).signatureStatus()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(((Activation) Gb32960Decoder.uplink().decode(frame)).signatureStatus())
                .isEqualTo(SignatureStatus.NOT_CHECKED);

        byte[] tampered = frame.clone();
        tampered[24 + 6] ^= 0x01; // first byte of the chip id
        tampered[tampered.length - 1] ^= 0x01; // keep the BCC right
        assertThat(((Activation) decoder.decode(tampered)).signatureStatus()).isEqualTo(SignatureStatus.FAILED);
    }

    @Test
    void rtmConSignatureFailsAfterOneInfoItemByteChanges() throws Exception {
        byte[] frame = ConformanceCorpus.frame(ConformanceCorpus.entry(RTM_CON, "rtm_con/data_2025"));
        // data unit: time (6), 0x01 whole vehicle: state, charging, mode, speed(2), odometer(4), voltage(2), current(2), SOC
        int soc = 24 + 6 + 1 + 13;
        assertThat(frame[soc]).isEqualTo((byte) 75);
        frame[soc] = 74;
        frame[frame.length - 1] = (byte) Bcc.xor(frame, 2, frame.length - 1);

        TelemetryReport report = (TelemetryReport) new Gb32960Decoder(Direction.UPLINK, ProfileResolver.DEFAULT, rtmConKeys())
                .decode(frame);

        assertThat(report.unit(VehicleData2025.class).soc()).isEqualTo(74);
        assertThat(report.signatureStatus()).isEqualTo(SignatureStatus.FAILED);
    }

    @Test
    void rtmConSignatureIsNotCheckedWithoutAKeyOrWithAKeyOfAnotherType() {
        byte[] frame = ConformanceCorpus.frame(ConformanceCorpus.entry(RTM_CON, "rtm_con/data_2025"));
        assertThat(((TelemetryReport) Gb32960Decoder.uplink().decode(frame)).signatureStatus())
                .isEqualTo(SignatureStatus.NOT_CHECKED);
        StaticKeyProvider sm2Only = StaticKeyProvider.builder()
                .verifier(RTM_CON_VIN, Signatures.verifier(Sm2Keys.generate(new SecureRandom()).getPublic())).build();
        TelemetryReport report = (TelemetryReport) new Gb32960Decoder(Direction.UPLINK, ProfileResolver.DEFAULT, sm2Only)
                .decode(frame);
        assertThat(report.signatureStatus()).isEqualTo(SignatureStatus.NOT_CHECKED);
    }
}
