package io.gb32960.protocol.crypto;

import io.gb32960.protocol.wire.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CiphersTest {

    private static final byte[] KEY_128 = Hex.decode("2b7e151628aed2a6abf7158809cf4f3c");
    private static final byte[] KEY_256 = Hex.decode("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
    private static final byte[] IV = Hex.decode("000102030405060708090a0b0c0d0e0f");
    /** NIST SP 800-38A, F.1 / F.2 plaintext. */
    private static final byte[] NIST_PLAIN = Hex.decode("6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710");
    private static final byte[] WRONG_KEY = Hex.decode("000102030405060708090a0b0c0d0e0f");

    private static KeyPair rsa;
    private static KeyPair otherRsa;
    private static KeyPair sm2;
    private static KeyPair otherSm2;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        rsa = g.generateKeyPair();
        otherRsa = g.generateKeyPair();
        sm2 = Sm2Keys.generate(new SecureRandom());
        otherSm2 = Sm2Keys.generate(new SecureRandom());
    }

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void aesCbcMatchesNistVectorAndPadsWithPkcs7() {
        byte[] c = Ciphers.aesCbc(KEY_128, IV).encrypt(NIST_PLAIN);
        // SP 800-38A F.2.1 CBC-AES128.Encrypt, then one whole block of PKCS#7 padding
        assertThat(Arrays.copyOf(c, 64)).isEqualTo(Hex.decode("7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2"
                + "73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7"));
        assertThat(c).hasSize(80);
    }

    @Test
    void aesEcbMatchesNistVector() {
        byte[] c = Ciphers.aesEcb(KEY_256).encrypt(Arrays.copyOf(NIST_PLAIN, 16));
        // SP 800-38A F.1.5 ECB-AES256.Encrypt block 1
        assertThat(Arrays.copyOf(c, 16)).isEqualTo(Hex.decode("f3eed1bdb5d2a03c064b5a7e3db181f8"));
    }

    @Test
    void aesCbcInteroperatesWithTheJdk() throws Exception {
        byte[] plain = data(100);
        Cipher jdk = Cipher.getInstance("AES/CBC/PKCS5Padding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY_256, "AES"), new IvParameterSpec(IV));
        byte[] c = jdk.doFinal(plain);
        assertThat(Ciphers.aesCbc(KEY_256, IV).decrypt(c)).isEqualTo(plain);
        assertThat(Ciphers.aesCbc(KEY_256, IV).encrypt(plain)).isEqualTo(c);
    }

    @Test
    void sm4MatchesGbT32907Example() {
        byte[] key = Hex.decode("0123456789abcdeffedcba9876543210");
        byte[] c = Ciphers.sm4Ecb(key).encrypt(key);
        // GB/T 32907-2016 Annex A example 1
        assertThat(Arrays.copyOf(c, 16)).isEqualTo(Hex.decode("681edf34d206965e86b3e94f536e4246"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 250, 1000})
    void symmetricCiphersRoundTrip(int size) {
        byte[] plain = data(size);
        DataUnitCipher[] ciphers = {Ciphers.aesCbc(KEY_128, IV), Ciphers.aesCbc(Arrays.copyOf(KEY_256, 24), IV),
                Ciphers.aesCbc(KEY_256, IV), Ciphers.aesEcb(KEY_128), Ciphers.aesEcb(KEY_256),
                Ciphers.sm4Cbc(KEY_128, IV), Ciphers.sm4Ecb(KEY_128)};
        for (DataUnitCipher c : ciphers) {
            byte[] enc = c.encrypt(plain);
            assertThat(enc).as(c.toString()).hasSize((size / 16 + 1) * 16).isNotEqualTo(plain);
            assertThat(c.decrypt(enc)).as(c.toString()).isEqualTo(plain);
        }
    }

    @Test
    void cbcAndEcbDiffer() {
        byte[] plain = data(64);
        assertThat(Ciphers.aesCbc(KEY_128, IV).encrypt(plain)).isNotEqualTo(Ciphers.aesEcb(KEY_128).encrypt(plain));
        assertThat(Ciphers.sm4Cbc(KEY_128, IV).encrypt(plain)).isNotEqualTo(Ciphers.sm4Ecb(KEY_128).encrypt(plain));
    }

    @Test
    void symmetricWrongKeyOrDamagedCiphertextFails() {
        byte[] plain = "a vehicle login data unit of 41 bytes....".getBytes();
        byte[] aes = Ciphers.aesCbc(KEY_128, IV).encrypt(plain);
        assertThatThrownBy(() -> Ciphers.aesCbc(WRONG_KEY, IV).decrypt(aes)).isInstanceOf(CryptoException.class)
                .hasMessageContaining("AES-128/CBC/PKCS7 decryption failed");
        byte[] aesEcb = Ciphers.aesEcb(KEY_256).encrypt(plain);
        assertThatThrownBy(() -> Ciphers.aesEcb(Arrays.copyOf(WRONG_KEY, 32)).decrypt(aesEcb))
                .isInstanceOf(CryptoException.class);
        byte[] sm4 = Ciphers.sm4Cbc(KEY_128, IV).encrypt(plain);
        assertThatThrownBy(() -> Ciphers.sm4Cbc(WRONG_KEY, IV).decrypt(sm4)).isInstanceOf(CryptoException.class)
                .hasMessageContaining("SM4/CBC/PKCS7 decryption failed");
        byte[] sm4Ecb = Ciphers.sm4Ecb(KEY_128).encrypt(plain);
        assertThatThrownBy(() -> Ciphers.sm4Ecb(WRONG_KEY).decrypt(sm4Ecb)).isInstanceOf(CryptoException.class);
        // not a whole number of blocks
        assertThatThrownBy(() -> Ciphers.aesCbc(KEY_128, IV).decrypt(Arrays.copyOf(aes, 47)))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void symmetricFactoriesRejectBadSizes() {
        assertThatThrownBy(() -> Ciphers.aesCbc(new byte[15], IV)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AES key must be 16, 24 or 32 bytes, got 15");
        assertThatThrownBy(() -> Ciphers.sm4Ecb(new byte[32])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SM4 key must be 16 bytes, got 32");
        assertThatThrownBy(() -> Ciphers.sm4Cbc(KEY_128, new byte[8])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SM4 IV must be 16 bytes, got 8");
        assertThatThrownBy(() -> Ciphers.aesCbc(KEY_128, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cipherCopiesItsKey() {
        byte[] key = KEY_128.clone();
        DataUnitCipher c = Ciphers.aesCbc(key, IV);
        byte[] enc = c.encrypt(NIST_PLAIN);
        Arrays.fill(key, (byte) 0);
        assertThat(c.decrypt(enc)).isEqualTo(NIST_PLAIN);
        assertThat(c.toString()).isEqualTo("AES-128/CBC/PKCS7");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 245, 246, 600})
    void rsaRoundTripsBlockByBlock(int size) {
        DataUnitCipher c = Ciphers.rsa(rsa.getPublic(), rsa.getPrivate());
        byte[] plain = data(size);
        byte[] enc = c.encrypt(plain);
        // chunks of 256-11 = 245 plaintext bytes, each a 256-byte block
        assertThat(enc).hasSize((size + 244) / 245 * 256);
        assertThat(c.decrypt(enc)).isEqualTo(plain);
    }

    @Test
    void rsaBlocksAreStandardPkcs1() throws Exception {
        byte[] plain = data(300);
        byte[] enc = Ciphers.rsa(rsa.getPublic(), null).encrypt(plain);
        Cipher jdk = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        jdk.init(Cipher.DECRYPT_MODE, rsa.getPrivate());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jdk.doFinal(enc, 0, 256));
        out.write(jdk.doFinal(enc, 256, 256));
        assertThat(out.toByteArray()).isEqualTo(plain);
    }

    @Test
    void rsaWrongKeyMissingHalfOrDamagedCiphertextFails() {
        byte[] enc = Ciphers.rsa(rsa.getPublic(), null).encrypt(data(400));
        assertThatThrownBy(() -> Ciphers.rsa(null, otherRsa.getPrivate()).decrypt(enc))
                .isInstanceOf(CryptoException.class).hasMessageStartingWith("RSA decryption failed");
        assertThatThrownBy(() -> Ciphers.rsa(rsa.getPublic(), null).decrypt(enc))
                .isInstanceOf(CryptoException.class).hasMessage("RSA cipher has no private key to decrypt with");
        assertThatThrownBy(() -> Ciphers.rsa(null, rsa.getPrivate()).encrypt(new byte[1]))
                .isInstanceOf(CryptoException.class).hasMessage("RSA cipher has no public key to encrypt with");
        assertThatThrownBy(() -> Ciphers.rsa(null, rsa.getPrivate()).decrypt(Arrays.copyOf(enc, 300)))
                .isInstanceOf(CryptoException.class).hasMessageContaining("not a multiple of the 256-byte block");
    }

    @Test
    void asymmetricFactoriesCheckKeyAlgorithm() {
        assertThatThrownBy(() -> Ciphers.rsa(sm2.getPublic(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an RSA key");
        assertThatThrownBy(() -> Ciphers.sm2(rsa.getPublic(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sm2p256v1");
        assertThatThrownBy(() -> Ciphers.rsa(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyCiphertextDecryptsToAnEmptyDataUnit() {
        byte[] none = new byte[0];
        assertThat(Ciphers.aesCbc(KEY_128, IV).decrypt(none)).isEmpty();
        assertThat(Ciphers.sm4Ecb(KEY_128).decrypt(none)).isEmpty();
        assertThat(Ciphers.rsa(null, rsa.getPrivate()).decrypt(none)).isEmpty();
        assertThat(Ciphers.sm2(null, sm2.getPrivate()).decrypt(none)).isEmpty();
        // SM2 cannot encrypt nothing, RSA needs no block for it; PKCS#7 always adds a block
        assertThat(Ciphers.sm2(sm2.getPublic(), null).encrypt(none)).isEmpty();
        assertThat(Ciphers.rsa(rsa.getPublic(), null).encrypt(none)).isEmpty();
        assertThat(Ciphers.sm4Ecb(KEY_128).encrypt(none)).hasSize(16);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 32, 1000})
    void sm2RoundTripsInBothOrders(int size) {
        byte[] plain = data(size);
        for (Ciphers.Sm2Mode mode : Ciphers.Sm2Mode.values()) {
            DataUnitCipher c = Ciphers.sm2(sm2.getPublic(), sm2.getPrivate(), mode);
            byte[] enc = c.encrypt(plain);
            // C1 (04||x||y) + C3 (SM3) + C2
            assertThat(enc).hasSize(65 + 32 + size);
            assertThat(enc[0]).isEqualTo((byte) 0x04);
            assertThat(c.decrypt(enc)).isEqualTo(plain);
        }
    }

    @Test
    void sm2DefaultsToC1C3C2AndRejectsTheOtherOrderOrAnotherKey() {
        byte[] plain = data(50);
        byte[] enc = Ciphers.sm2(sm2.getPublic(), null).encrypt(plain);
        assertThat(Ciphers.sm2(null, sm2.getPrivate(), Ciphers.Sm2Mode.C1C3C2).decrypt(enc)).isEqualTo(plain);
        assertThatThrownBy(() -> Ciphers.sm2(null, sm2.getPrivate(), Ciphers.Sm2Mode.C1C2C3).decrypt(enc))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Ciphers.sm2(null, otherSm2.getPrivate()).decrypt(enc))
                .isInstanceOf(CryptoException.class).hasMessageStartingWith("SM2 decryption failed");
        assertThatThrownBy(() -> Ciphers.sm2(sm2.getPublic(), null).decrypt(enc))
                .isInstanceOf(CryptoException.class).hasMessage("SM2 cipher has no private key to decrypt with");
        assertThatThrownBy(() -> Ciphers.sm2(null, sm2.getPrivate()).decrypt(new byte[10]))
                .isInstanceOf(CryptoException.class);
    }

    /**
     * OpenSSL 3.0 {@code pkeyutl -encrypt} with an SM2 key of our own (GM/T 0009 ASN.1 output, its
     * x, y, hash and ciphertext laid out raw here): independent check of C1C3C2 and of C1C2C3.
     */
    @Test
    void sm2DecryptsOpenSslCiphertext() {
        var key = Sm2Keys.privateKey(Hex.decode("78c936f5f5631193338f57c8287f8948141dbd46b0788fb82bbf89886c461f1f"));
        String c1 = "04217f96b12d325a2a057fb988bf720f83babfb47cf47c57990e055740c845ed68"
                + "4fce55093fc1874e671a44445b0223e218f25c6adabaf5a276571badaebe1abe";
        String c3 = "f6ba902733b3adadbdac992b62afef6d7a91ce15bdfe8db211f198690c6d02ac";
        String c2 = "3dd7b07df3e5b9c76a12b3a7b06eaa7c36a02f3b7e3662";
        assertThat(new String(Ciphers.sm2(null, key).decrypt(Hex.decode(c1 + c3 + c2))))
                .isEqualTo("SM2 data unit plaintext");
        assertThat(new String(Ciphers.sm2(null, key, Ciphers.Sm2Mode.C1C2C3).decrypt(Hex.decode(c1 + c2 + c3))))
                .isEqualTo("SM2 data unit plaintext");
    }
}
