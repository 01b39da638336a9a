package io.gb32960.protocol.crypto;

import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignaturesTest {

    private static final byte[] DATA = "time + info items of a 2025 realtime report".getBytes(StandardCharsets.US_ASCII);

    private static KeyPair rsa;
    private static KeyPair ec;
    private static KeyPair sm2;
    private static KeyPair otherSm2;

    enum Scheme {
        SM2(Signature.SM2, 32, 32), RSA(Signature.RSA, 256, 0), ECC(Signature.ECC, 32, 32);

        final int type;
        final int rLength;
        final int sLength;

        Scheme(int type, int rLength, int sLength) {
            this.type = type;
            this.rLength = rLength;
            this.sLength = sLength;
        }

        KeyPair keys() {
            return this == SM2 ? sm2 : this == RSA ? rsa : ec;
        }

        SignatureSigner signer() {
            return this == SM2 ? Signatures.sm2Signer(keys().getPrivate())
                    : this == RSA ? Signatures.rsaSigner(keys().getPrivate()) : Signatures.eccSigner(keys().getPrivate());
        }
    }

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
        r.initialize(2048);
        rsa = r.generateKeyPair();
        KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
        e.initialize(new ECGenParameterSpec("secp256r1"));
        ec = e.generateKeyPair();
        sm2 = Sm2Keys.generate(new SecureRandom());
        otherSm2 = Sm2Keys.generate(new SecureRandom());
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void signThenVerify(Scheme scheme) {
        byte[] framed = new byte[DATA.length + 10];
        System.arraycopy(DATA, 0, framed, 4, DATA.length);
        Signature sig = scheme.signer().sign(framed, 4, DATA.length);

        assertThat(sig.type()).isEqualTo(scheme.type);
        assertThat(sig.r().length()).isEqualTo(scheme.rLength);
        assertThat(sig.s().length()).isEqualTo(scheme.sLength);
        SignatureVerifier verifier = Signatures.verifier(scheme.keys().getPublic());
        assertThat(verifier.verify(sig, framed, 4, DATA.length)).isTrue();
        assertThat(verifier.verify(sig, DATA, 0, DATA.length)).isTrue();
        // one byte more, or one byte changed, and it no longer verifies
        assertThat(verifier.verify(sig, framed, 4, DATA.length + 1)).isFalse();
        byte[] changed = DATA.clone();
        changed[7] ^= 1;
        assertThat(verifier.verify(sig, changed, 0, changed.length)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void autoSignerPicksTheTypeFromTheKey(Scheme scheme) {
        SignatureSigner signer = Signatures.signer(scheme.keys().getPrivate());
        assertThat(signer.type()).isEqualTo(scheme.type);
        assertThat(Signatures.verifier(scheme.keys().getPublic()).verify(signer.sign(DATA), DATA, 0, DATA.length)).isTrue();
    }

    @Test
    void anotherKeyDoesNotVerify() {
        Signature sig = Signatures.sm2Signer(sm2.getPrivate()).sign(DATA);
        assertThat(Signatures.verifier(otherSm2.getPublic()).verify(sig, DATA, 0, DATA.length)).isFalse();
    }

    @Test
    void sm2UserIdIsPartOfTheSignature() {
        byte[] id = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
        Signature sig = Signatures.sm2Signer(sm2.getPrivate(), id).sign(DATA);
        assertThat(Signatures.verifier(sm2.getPublic(), id).verify(sig, DATA, 0, DATA.length)).isTrue();
        assertThat(Signatures.verifier(sm2.getPublic()).verify(sig, DATA, 0, DATA.length)).isFalse();
    }

    @Test
    void ecdsaIsDeterministicAndSm2IsNot() {
        assertThat(Signatures.eccSigner(ec.getPrivate()).sign(DATA)).isEqualTo(Signatures.eccSigner(ec.getPrivate()).sign(DATA));
        assertThat(Signatures.sm2Signer(sm2.getPrivate()).sign(DATA)).isNotEqualTo(Signatures.sm2Signer(sm2.getPrivate()).sign(DATA));
    }

    @Test
    void rsaSignatureSplitOverRAndSIsAccepted() {
        Signature sig = Signatures.rsaSigner(rsa.getPrivate()).sign(DATA);
        byte[] whole = sig.r().toByteArray();
        Signature split = new Signature(Signature.RSA, Bytes.of(whole, 0, 128), Bytes.of(whole, 128, 128));
        assertThat(Signatures.verifier(rsa.getPublic()).verify(split, DATA, 0, DATA.length)).isTrue();
    }

    @Test
    void rAndSAreIntegersNotFixedWidthFields() {
        Signature sig = Signatures.sm2Signer(sm2.getPrivate()).sign(DATA);
        // a terminal writing Java BigInteger.toByteArray() output adds a sign byte
        Signature padded = new Signature(Signature.SM2, Bytes.fromHex("00" + sig.r().toHex()), Bytes.fromHex("00" + sig.s().toHex()));
        assertThat(Signatures.verifier(sm2.getPublic()).verify(padded, DATA, 0, DATA.length)).isTrue();
    }

    @Test
    void malformedSignaturesAreWrongNotErrors() {
        SignatureVerifier v = Signatures.verifier(sm2.getPublic());
        assertThat(v.verify(new Signature(Signature.SM2, Bytes.EMPTY, Bytes.EMPTY), DATA, 0, DATA.length)).isFalse();
        assertThat(v.verify(new Signature(Signature.SM2, Bytes.fromHex("ff".repeat(32)), Bytes.fromHex("01")), DATA, 0,
                DATA.length)).isFalse();
        assertThat(v.verify(new Signature(Signature.ECC, Bytes.EMPTY, Bytes.fromHex("01")), DATA, 0, DATA.length)).isFalse();
        assertThat(Signatures.verifier(rsa.getPublic()).verify(new Signature(Signature.RSA, Bytes.fromHex("0102"), Bytes.EMPTY),
                DATA, 0, DATA.length)).isFalse();
    }

    @Test
    void unsupportedTypeForTheKeyIsACryptoException() {
        Signature sm2Sig = Signatures.sm2Signer(sm2.getPrivate()).sign(DATA);
        assertThatThrownBy(() -> Signatures.verifier(rsa.getPublic()).verify(sm2Sig, DATA, 0, DATA.length))
                .isInstanceOf(CryptoException.class).hasMessageContaining("SM2").hasMessageContaining("RSA key");
        // SM2 is bound to its curve; ECDSA works on any curve, sm2p256v1 included
        assertThatThrownBy(() -> Signatures.verifier(ec.getPublic()).verify(sm2Sig, DATA, 0, DATA.length))
                .isInstanceOf(CryptoException.class);
        Signature eccOnSm2 = Signatures.eccSigner(sm2.getPrivate()).sign(DATA);
        assertThat(Signatures.verifier(sm2.getPublic()).verify(eccOnSm2, DATA, 0, DATA.length)).isTrue();
        assertThatThrownBy(() -> Signatures.verifier(sm2.getPublic())
                .verify(new Signature(9, Bytes.fromHex("01"), Bytes.fromHex("01")), DATA, 0, DATA.length))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Signatures.sm2Signer(rsa.getPrivate())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signatures.rsaSigner(ec.getPrivate())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifierOverSeveralKeysDispatchesOnType() {
        SignatureVerifier both = Signatures.verifier(List.of(rsa.getPublic(), sm2.getPublic()));
        Signature rsaSig = Signatures.rsaSigner(rsa.getPrivate()).sign(DATA);
        Signature sm2Sig = Signatures.sm2Signer(sm2.getPrivate()).sign(DATA);
        assertThat(both.verify(rsaSig, DATA, 0, DATA.length)).isTrue();
        assertThat(both.verify(sm2Sig, DATA, 0, DATA.length)).isTrue();
        assertThat(both.verify(Signatures.sm2Signer(otherSm2.getPrivate()).sign(DATA), DATA, 0, DATA.length)).isFalse();
        // an old and a new key of one vehicle
        SignatureVerifier rotated = Signatures.verifier(List.of(otherSm2.getPublic(), sm2.getPublic()));
        assertThat(rotated.verify(sm2Sig, DATA, 0, DATA.length)).isTrue();
        assertThatThrownBy(() -> Signatures.verifier(List.of(rsa.getPublic(), rsa.getPublic()))
                .verify(sm2Sig, DATA, 0, DATA.length)).isInstanceOf(CryptoException.class);
    }

    /** Made with OpenSSL 3.0 ({@code pkeyutl -sign -rawin -digest sm3 -pkeyopt distid:1234567812345678}), key of our own. */
    @Test
    void verifiesAnOpenSslSm2Signature() {
        var pub = Sm2Keys.publicKey(Hex.decode("04be0a8eb56680473708b0bfa755893406f8df4d9a351c010ead10c05fa1a5c12a"
                + "2dc372bab2192abe3aaef3933f9f841facaa7d6b86cd672e16ee56e40673a2bc"));
        byte[] msg = "GB/T 32960 signed data unit".getBytes(StandardCharsets.US_ASCII);
        Signature sig = new Signature(Signature.SM2,
                Bytes.fromHex("1e8dea0d52b067f43da9d5287ae9b73778f2fdc51bd5c85e5daf6a852127f544"),
                Bytes.fromHex("ab1d4bf0f72a2bd90558dad51b87f3fba8e0af953674bf9b39314791a44b5885"));
        assertThat(Signatures.verifier(pub).verify(sig, msg, 0, msg.length)).isTrue();
        assertThat(Signatures.verifier(pub).verify(sig, msg, 0, msg.length - 1)).isFalse();
        assertThat(Signatures.verifier(pub, "another id".getBytes(StandardCharsets.US_ASCII)).verify(sig, msg, 0, msg.length))
                .isFalse();
    }

    /** Made with OpenSSL 3.0 ({@code dgst -sha256 -sign}, P-256 key of our own, DER split into R and S). */
    @Test
    void verifiesAnOpenSslEcdsaSignature() {
        KeySpec spec = KeySpecs.parse("ecc-public:MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAESdtsw1Br4S17hHDM5gALo8+16W4w"
                + "NxUNgt8gouNv5zt0yXyyOEzskdcqOTgX1B4FEdeC5pIqXtDQ3McBIwnG1w==");
        byte[] msg = "GB/T 32960 signed data unit".getBytes(StandardCharsets.US_ASCII);
        Signature sig = new Signature(Signature.ECC,
                Bytes.fromHex("56197863e2ebcc18477a782a4e619c393c312635729b538c87f32a8f46546f2f"),
                Bytes.fromHex("8aa0ae42b10998eb18b8324734df613caa7c1b4ae0bce339ed71a2773ee36d89"));
        assertThat(Signatures.verifier(spec.publicKey()).verify(sig, msg, 0, msg.length)).isTrue();
        assertThat(Signatures.verifier(spec.publicKey()).verify(sig, msg, 1, msg.length - 1)).isFalse();
    }
}
