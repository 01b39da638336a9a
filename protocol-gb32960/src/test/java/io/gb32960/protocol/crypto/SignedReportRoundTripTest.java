package io.gb32960.protocol.crypto;

import io.gb32960.protocol.codec.Direction;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.codec.ProfileResolver;
import io.gb32960.protocol.frame.Bcc;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.FrameLayout;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.message.SignatureStatus;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.unit.Engine2025;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's path: encode a 2025 report unsigned, sign its data unit (collection time .. last
 * info item, without the 0xFF marker), encode it again with the signature; the platform decoder
 * verifies it. Also with the data unit encrypted on top (sign, then encrypt).
 */
class SignedReportRoundTripTest {

    private static final String VIN = "LTEST000000000001";

    private static KeyPair sm2;
    private static KeyPair rsa;
    private static KeyPair ec;

    @BeforeAll
    static void keys() throws Exception {
        sm2 = Sm2Keys.generate(new SecureRandom());
        KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
        r.initialize(2048);
        rsa = r.generateKeyPair();
        KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
        e.initialize(new ECGenParameterSpec("secp256r1"));
        ec = e.generateKeyPair();
    }

    private static KeyPair pair(int type) {
        return type == Signature.SM2 ? sm2 : type == Signature.RSA ? rsa : ec;
    }

    private static TelemetryReport signed(SignatureSigner signer, int encryption) {
        FrameHeader header = FrameHeader.command(Edition.V2025, CommandId.REALTIME_REPORT.id(), VIN);
        List<InfoUnit> units = List.of(new Engine2025(1500));
        TelemetryReport unsigned = TelemetryReport.of(header, DataTime.of(2025, 11, 1, 8, 30, 0), units);
        byte[] frame = Gb32960Encoder.plain().encode(unsigned);
        // the data unit of the unsigned frame is exactly the signed range
        Signature signature = signer.sign(frame, FrameLayout.HEADER_LENGTH, frame.length - FrameLayout.HEADER_LENGTH - 1);
        return new TelemetryReport(header.withEncryption(encryption), unsigned.time(), units, signature,
                SignatureStatus.ABSENT, Bytes.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(ints = {Signature.SM2, Signature.RSA, Signature.ECC})
    void simulatorSignedReportVerifiesOnThePlatform(int type) {
        KeyPair keys = pair(type);
        SignatureSigner signer = Signatures.signer(keys.getPrivate());
        byte[] frame = Gb32960Encoder.plain().encode(signed(signer, EncryptionType.NONE.id()));

        StaticKeyProvider platform = StaticKeyProvider.builder().verifier(VIN, Signatures.verifier(keys.getPublic())).build();
        TelemetryReport decoded = (TelemetryReport) new Gb32960Decoder(Direction.UPLINK, ProfileResolver.DEFAULT, platform)
                .decode(frame);

        assertThat(decoded.signature().type()).isEqualTo(type);
        assertThat(decoded.units()).containsExactly(new Engine2025(1500));
        assertThat(decoded.signatureStatus()).isEqualTo(SignatureStatus.VERIFIED);

        // the collection time is signed too
        byte[] tampered = Arrays.copyOf(frame, frame.length);
        tampered[FrameLayout.HEADER_LENGTH + 5] ^= 1;
        tampered[tampered.length - 1] = (byte) Bcc.xor(tampered, 2, tampered.length - 1);
        TelemetryReport bad = (TelemetryReport) new Gb32960Decoder(Direction.UPLINK, ProfileResolver.DEFAULT, platform)
                .decode(tampered);
        assertThat(bad.signatureStatus()).isEqualTo(SignatureStatus.FAILED);
    }

    @Test
    void signedAndSm4EncryptedReport() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        StaticKeyProvider keys = StaticKeyProvider.builder()
                .cipher(VIN, EncryptionType.SM4, Ciphers.sm4Cbc(key, new byte[16]))
                .verifier(VIN, Signatures.verifier(sm2.getPublic()))
                .build();
        Gb32960Encoder encoder = new Gb32960Encoder(keys);
        byte[] frame = encoder.encode(signed(Signatures.sm2Signer(sm2.getPrivate()), EncryptionType.SM4.id()));

        assertThat(frame[21]).isEqualTo((byte) EncryptionType.SM4.id());
        TelemetryReport decoded = (TelemetryReport) new Gb32960Decoder(Direction.UPLINK, ProfileResolver.DEFAULT, keys)
                .decode(frame);
        assertThat(decoded.signatureStatus()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(decoded.units()).containsExactly(new Engine2025(1500));
    }
}
