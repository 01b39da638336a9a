package io.gb32960.consumers.keys;

import io.gb32960.consumers.config.ConsumersProperties.Keys.SymmetricMode;
import io.gb32960.protocol.crypto.Ciphers;
import io.gb32960.protocol.crypto.Signatures;
import io.gb32960.protocol.crypto.Sm2Keys;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.wire.Bytes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys in the form the access node stores them in Redis. */
class RedisKeyParserTest {

    private static final byte[] DATA = "signed data".getBytes(StandardCharsets.US_ASCII);

    @Test
    void anSm2PointVerifiesSm2Signatures() {
        KeyPair pair = Sm2Keys.generate(new SecureRandom());
        Signature sig = Signatures.sm2Signer(pair.getPrivate()).sign(DATA);
        String hex = Bytes.of(Sm2Keys.encodePublic(pair.getPublic())).toHex();
        assertThat(RedisKeyParser.verifier(hex).verify(sig, DATA, 0, DATA.length)).isTrue();
        assertThat(RedisKeyParser.verifier(hex).verify(sig, DATA, 1, DATA.length - 1)).isFalse();
    }

    @Test
    void anX509RsaKeyVerifiesRsaSignatures() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        Signature sig = Signatures.rsaSigner(pair.getPrivate()).sign(DATA);
        String hex = Bytes.of(pair.getPublic().getEncoded()).toHex();
        assertThat(RedisKeyParser.verifier(hex).verify(sig, DATA, 0, DATA.length)).isTrue();
    }

    @Test
    void garbageIsNotAKey() {
        assertThatThrownBy(() -> RedisKeyParser.verifier("00112233")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exchangedSymmetricKeysDecryptInTheConfiguredMode() throws Exception {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        Map<String, String> aes = Map.of("type", "AES128", "key", Bytes.of(key).toHex());
        byte[] cbc = Ciphers.aesCbc(key, new byte[16]).encrypt(DATA);
        byte[] ecb = Ciphers.aesEcb(key).encrypt(DATA);
        assertThat(RedisKeyParser.dataKey(aes, SymmetricMode.CBC).orElseThrow().cipher().decrypt(cbc)).isEqualTo(DATA);
        assertThat(RedisKeyParser.dataKey(aes, SymmetricMode.ECB).orElseThrow().cipher().decrypt(ecb)).isEqualTo(DATA);
        assertThat(RedisKeyParser.dataKey(Map.of("type", "SM4", "key", Bytes.of(key).toHex()), SymmetricMode.CBC)
                .orElseThrow().type()).isEqualTo(EncryptionType.SM4);
    }

    @Test
    void exchangedAsymmetricKeysCannotDecryptUplinkData() {
        assertThat(RedisKeyParser.dataKey(Map.of("type", "RSA", "key", "3082"), SymmetricMode.CBC)).isEmpty();
        assertThat(RedisKeyParser.dataKey(Map.of("type", "AES128"), SymmetricMode.CBC)).isEmpty();
    }
}
