package io.gb32960.protocol.crypto;

import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.wire.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeySpecsTest {

    private static final String KEY = "00112233445566778899aabbccddeeff";
    private static final String IV = "0f0e0d0c0b0a09080706050403020100";
    private static final String VIN = "LSVAU2180N2183294";
    private static final byte[] PLAIN = "login data unit".getBytes(StandardCharsets.US_ASCII);

    private static KeyPair rsa;
    private static KeyPair sm2;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        rsa = g.generateKeyPair();
        sm2 = Sm2Keys.generate(new SecureRandom());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    @Test
    void symmetricSpecsBuildTheNamedCipher() {
        KeySpec aes = KeySpecs.parse(VIN + "=aes:" + KEY + ":" + IV);
        assertThat(aes.uniqueId()).isEqualTo(VIN);
        assertThat(aes.kind()).isEqualTo(KeySpec.Kind.AES);
        assertThat(aes.kind().scheme()).contains(EncryptionType.AES128);
        assertThat(aes.cipher().encrypt(PLAIN)).isEqualTo(Ciphers.aesCbc(Hex.decode(KEY), Hex.decode(IV)).encrypt(PLAIN));

        // IV omitted: all zero
        KeySpec noIv = KeySpecs.parse("aes:" + KEY.toUpperCase());
        assertThat(noIv.appliesToAll()).isTrue();
        assertThat(noIv.cipher().encrypt(PLAIN)).isEqualTo(Ciphers.aesCbc(Hex.decode(KEY), new byte[16]).encrypt(PLAIN));

        assertThat(KeySpecs.parse("aes-ecb:" + KEY + KEY).cipher().encrypt(PLAIN))
                .isEqualTo(Ciphers.aesEcb(Hex.decode(KEY + KEY)).encrypt(PLAIN));
        KeySpec sm4 = KeySpecs.parse("  " + VIN + " = sm4:" + KEY + ":" + IV + "  ");
        assertThat(sm4.uniqueId()).isEqualTo(VIN);
        assertThat(sm4.kind().scheme()).contains(EncryptionType.SM4);
        assertThat(sm4.cipher().encrypt(PLAIN)).isEqualTo(Ciphers.sm4Cbc(Hex.decode(KEY), Hex.decode(IV)).encrypt(PLAIN));
        assertThat(KeySpecs.parse("sm4-ecb:" + KEY).cipher().encrypt(PLAIN)).isEqualTo(Ciphers.sm4Ecb(Hex.decode(KEY)).encrypt(PLAIN));
    }

    @Test
    void rsaKeysFromBase64PemFileAndDerFile(@TempDir Path dir) throws Exception {
        KeySpec inlinePublic = KeySpecs.parse("rsa-public:" + Base64.getEncoder().encodeToString(rsa.getPublic().getEncoded()));
        assertThat(inlinePublic.kind()).isEqualTo(KeySpec.Kind.RSA_PUBLIC);
        assertThat(inlinePublic.publicKey()).isEqualTo(rsa.getPublic());

        Files.writeString(dir.resolve("vehicle.pub.pem"), "a comment before the block\n" + pem("PUBLIC KEY", rsa.getPublic().getEncoded()));
        assertThat(KeySpecs.parse(VIN + "=rsa-public:vehicle.pub.pem", dir).publicKey()).isEqualTo(rsa.getPublic());
        Files.write(dir.resolve("platform.der"), rsa.getPrivate().getEncoded());
        KeySpec der = KeySpecs.parse("rsa-private:" + dir.resolve("platform.der"));
        assertThat(der.privateKey()).isEqualTo(rsa.getPrivate());
        Files.writeString(dir.resolve("platform.pem"), pem("PRIVATE KEY", rsa.getPrivate().getEncoded()));
        KeySpec pemPrivate = KeySpecs.parse("rsa-private:platform.pem", dir);
        assertThat(pemPrivate.privateKey()).isEqualTo(rsa.getPrivate());
        assertThat(KeySpecs.parse("rsa-private:" + Base64.getEncoder().encodeToString(rsa.getPrivate().getEncoded()))
                .privateKey()).isEqualTo(rsa.getPrivate());

        byte[] enc = Ciphers.rsa(inlinePublic.publicKey(), null).encrypt(PLAIN);
        assertThat(Ciphers.rsa(null, pemPrivate.privateKey()).decrypt(enc)).isEqualTo(PLAIN);
    }

    @Test
    void sm2KeysFromHex() {
        byte[] point = Sm2Keys.encodePublic(sm2.getPublic());
        byte[] d = Sm2Keys.encodePrivate(sm2.getPrivate());
        KeySpec pub = KeySpecs.parse(VIN + "=sm2-public:" + Hex.encode(point));
        KeySpec priv = KeySpecs.parse(VIN + "=sm2-private:" + Hex.encode(d));
        assertThat(point).hasSize(65);
        assertThat(point[0]).isEqualTo((byte) 4);
        assertThat(Sm2Keys.encodePublic(pub.publicKey())).isEqualTo(point);
        assertThat(Sm2Keys.encodePublic(Sm2Keys.publicKeyOf(priv.privateKey()))).isEqualTo(point);
        // without the 04 prefix
        assertThat(Sm2Keys.encodePublic(KeySpecs.parse("sm2-public:" + Hex.encode(point).substring(2)).publicKey()))
                .isEqualTo(point);

        Signature sig = Signatures.sm2Signer(priv.privateKey()).sign(PLAIN);
        assertThat(Signatures.verifier(pub.publicKey()).verify(sig, PLAIN, 0, PLAIN.length)).isTrue();
        assertThat(Ciphers.sm2(null, priv.privateKey()).decrypt(Ciphers.sm2(pub.publicKey(), null).encrypt(PLAIN)))
                .isEqualTo(PLAIN);
    }

    @Test
    void keyFileWithCommentsAndRelativePaths(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("vehicles"));
        Files.writeString(dir.resolve("vehicles/" + VIN + ".pem"), pem("PUBLIC KEY", rsa.getPublic().getEncoded()));
        Path file = dir.resolve("keys.txt");
        Files.writeString(file, String.join("\n",
                "# GB/T 32960 keys",
                "",
                "aes:" + KEY + ":" + IV + "   # for every vehicle",
                VIN + "=rsa-public:vehicles/" + VIN + ".pem",
                "   # indented comment",
                VIN + "=sm4-ecb:" + KEY,
                ""));
        List<KeySpec> specs = KeySpecs.readFile(file);
        assertThat(specs).extracting(KeySpec::kind)
                .containsExactly(KeySpec.Kind.AES, KeySpec.Kind.RSA_PUBLIC, KeySpec.Kind.SM4_ECB);
        assertThat(specs).extracting(KeySpec::uniqueId).containsExactly(null, VIN, VIN);
        assertThat(specs.get(1).publicKey()).isEqualTo(rsa.getPublic());
    }

    @Test
    void keyFileErrorsNameFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.txt");
        Files.writeString(file, "# header\naes:" + KEY + "\n" + VIN + "=aes:" + KEY.substring(2) + "\n");
        assertThatThrownBy(() -> KeySpecs.readFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 3: malformed key spec '" + VIN + "=aes:<redacted>': AES key must be 16, 24 or 32 bytes, got 15");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0011223344556677                                        | malformed key spec (16 characters, not shown): expected [ID=]kind:material
            aess:0011223344556677                                   | malformed key spec 'aess:<not shown>': unknown kind 'aess'; expected one of
            00112233445566778899:aabb                               | malformed key spec '?:<not shown>': unknown kind; expected one of
            aes:0011223344556677                                    | malformed key spec 'aes:<redacted>': AES key must be 16, 24 or 32 bytes, got 8
            aes:00112233445566778899aabbccddeefg                    | malformed key spec 'aes:<redacted>': key is not hex
            aes:00112233445566778899aabbccddeef                     | malformed key spec 'aes:<redacted>': key has an odd number of hex digits (31)
            aes:00112233445566778899aabbccddeeff:0011               | malformed key spec 'aes:<redacted>': AES IV must be 16 bytes, got 2
            aes:00112233445566778899aabbccddeeff:00:11              | malformed key spec 'aes:<redacted>': expected aes:KEYHEX[:IVHEX]
            aes:                                                    | malformed key spec 'aes:<redacted>': missing key
            aes-ecb:00112233445566778899aabbccddeeff:0011           | malformed key spec 'aes-ecb:<redacted>': expected aes-ecb:KEYHEX (ECB takes no IV)
            sm4:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff | malformed key spec 'sm4:<redacted>': SM4 key must be 16 bytes, got 32
            LSVAU2180N2183294X=sm4:00112233445566778899aabbccddeeff | malformed key spec 'LSVAU2180N2183294X=sm4:<redacted>': unique id must have 1 to 17 characters, got 18
            =sm4:00112233445566778899aabbccddeeff                   | malformed key spec '=sm4:<redacted>': unique id must have 1 to 17 characters, got 0
            sm2-private:00112233                                    | malformed key spec 'sm2-private:<redacted>': SM2 private scalar must be 32 bytes, got 4
            sm2-private:0000000000000000000000000000000000000000000000000000000000000000 | malformed key spec 'sm2-private:<redacted>': SM2 private scalar out of range [1, n-1]
            sm2-public:0401020304                                   | malformed key spec 'sm2-public:0401020304': not a point on sm2p256v1 (5 bytes)
            rsa-public:no/such/file.pem                             | malformed key spec 'rsa-public:no/such/file.pem': neither an existing key file nor base64
            rsa-public:AAECAwQ=                                     | malformed key spec 'rsa-public:AAECAwQ=': not an X.509 RSA public key
            rsa-private:AAECAwQ=                                    | malformed key spec 'rsa-private:<redacted>': not an unencrypted PKCS#8 RSA private key
            ecc-private:                                            | malformed key spec 'ecc-private:<redacted>': missing key material
            """)
    void malformedSpecsAreNamedWithoutTheirSecrets(String spec, String message) {
        assertThatThrownBy(() -> KeySpecs.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> {
                    String material = spec.substring(spec.indexOf(':') + 1);
                    if (spec.indexOf(':') >= 0 && !spec.contains("public") && material.length() >= 4) {
                        assertThat(e.getMessage()).doesNotContain(material);
                    }
                    assertThat(e.getMessage()).doesNotContain("0011223344556677");
                });
    }

    @Test
    void wrongPemBlockIsExplained(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pkcs1.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAEC\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> KeySpecs.parse("rsa-private:pkcs1.pem", dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed key spec 'rsa-private:<redacted>': PEM file holds 'RSA PRIVATE KEY', expected "
                        + "'PRIVATE KEY' (PKCS#8 / X.509; convert with openssl pkcs8 -topk8 -nocrypt or openssl pkey -pubout)");
        // a public key where a private key is expected
        Files.writeString(dir.resolve("pub.pem"), pem("PUBLIC KEY", rsa.getPublic().getEncoded()));
        assertThatThrownBy(() -> KeySpecs.parse("rsa-private:pub.pem", dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 'PRIVATE KEY'");
        // an SM2 key where an RSA key is expected
        Files.writeString(dir.resolve("sm2.pem"), pem("PUBLIC KEY", sm2.getPublic().getEncoded()));
        assertThatThrownBy(() -> KeySpecs.parse("rsa-public:sm2.pem", dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed key spec 'rsa-public:sm2.pem': not an X.509 RSA public key");
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        KeySpec spec = KeySpecs.parse(VIN + "=aes:" + KEY);
        assertThat(spec.toString()).isEqualTo(VIN + "=aes:<redacted>");
        KeySpec priv = KeySpecs.parse("sm2-private:" + Hex.encode(Sm2Keys.encodePrivate(sm2.getPrivate())));
        assertThat(priv.toString()).isEqualTo("sm2-private:<redacted>");
    }
}
