package io.gb32960.protocol.crypto;

import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.wire.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaticKeyProviderTest {

    private static final String VIN = "LSVAU2180N2183294";
    private static final String OTHER = "LGHXCAE28M6100001";
    private static final byte[] KEY_A = Hex.decode("000102030405060708090a0b0c0d0e0f");
    private static final byte[] KEY_B = Hex.decode("f0e0d0c0b0a090807060504030201000");
    private static final byte[] IV = new byte[16];
    private static final byte[] PLAIN = "data unit".getBytes(StandardCharsets.US_ASCII);

    private static KeyPair platform;
    private static KeyPair vehicle;
    private static KeyPair sm2Vehicle;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        platform = g.generateKeyPair();
        vehicle = g.generateKeyPair();
        sm2Vehicle = Sm2Keys.generate(new SecureRandom());
    }

    private static String b64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    @Test
    void ownKeysBeforeDefaultsAndNothingWithoutEither() {
        DataUnitCipher own = Ciphers.aesCbc(KEY_A, IV);
        DataUnitCipher shared = Ciphers.aesCbc(KEY_B, IV);
        SignatureVerifier verifier = Signatures.verifier(vehicle.getPublic());
        StaticKeyProvider provider = StaticKeyProvider.builder()
                .cipher(VIN, EncryptionType.AES128, own)
                .defaultCipher(EncryptionType.AES128, shared)
                .verifier(VIN, verifier)
                .build();

        assertThat(provider.cipher(VIN, EncryptionType.AES128)).containsSame(own);
        assertThat(provider.cipher(OTHER, EncryptionType.AES128)).containsSame(shared);
        assertThat(provider.cipher(null, EncryptionType.AES128)).containsSame(shared);
        assertThat(provider.cipher(VIN, EncryptionType.SM4)).isEmpty();
        assertThat(provider.verifier(VIN)).containsSame(verifier);
        assertThat(provider.verifier(OTHER)).isEmpty();
        assertThat(provider.signer(VIN)).isEmpty();
        assertThat(provider.uniqueIds()).containsExactly(VIN);
        assertThat(KeyProvider.NONE.cipher(VIN, EncryptionType.AES128)).isEmpty();
    }

    @Test
    void vehiclePublicKeysCombineWithThePlatformPrivateKey() {
        StaticKeyProvider provider = StaticKeyProvider.of(List.of(
                KeySpecs.parse("rsa-private:" + b64(platform.getPrivate().getEncoded())),
                KeySpecs.parse(VIN + "=rsa-public:" + b64(vehicle.getPublic().getEncoded()))));

        DataUnitCipher vin = provider.cipher(VIN, EncryptionType.RSA).orElseThrow();
        // uplink: the vehicle encrypted towards the platform's public key
        byte[] uplink = Ciphers.rsa(platform.getPublic(), null).encrypt(PLAIN);
        assertThat(vin.decrypt(uplink)).isEqualTo(PLAIN);
        // downlink: towards the vehicle's public key, which only the vehicle can decrypt
        byte[] downlink = vin.encrypt(PLAIN);
        assertThat(Ciphers.rsa(null, vehicle.getPrivate()).decrypt(downlink)).isEqualTo(PLAIN);
        assertThatThrownBy(() -> Ciphers.rsa(null, platform.getPrivate()).decrypt(downlink)).isInstanceOf(CryptoException.class);

        // another vehicle: only the platform key, decrypt-only
        DataUnitCipher other = provider.cipher(OTHER, EncryptionType.RSA).orElseThrow();
        assertThat(other.decrypt(uplink)).isEqualTo(PLAIN);
        assertThatThrownBy(() -> other.encrypt(PLAIN)).isInstanceOf(CryptoException.class);

        Signature sig = Signatures.rsaSigner(vehicle.getPrivate()).sign(PLAIN);
        assertThat(provider.verifier(VIN).orElseThrow().verify(sig, PLAIN, 0, PLAIN.length)).isTrue();
        assertThat(provider.verifier(OTHER)).isEmpty();
        // the platform's private key signs for ids without a key of their own
        assertThat(provider.signer(OTHER).orElseThrow().type()).isEqualTo(Signature.RSA);
    }

    @Test
    void oneIdWithRsaAndSm2KeysVerifiesBothTypes() {
        byte[] d = Sm2Keys.encodePrivate(sm2Vehicle.getPrivate());
        StaticKeyProvider provider = StaticKeyProvider.of(List.of(
                KeySpecs.parse(VIN + "=sm2-private:" + Hex.encode(d)),
                KeySpecs.parse(VIN + "=sm2-public:" + Hex.encode(Sm2Keys.encodePublic(sm2Vehicle.getPublic()))),
                KeySpecs.parse(VIN + "=rsa-public:" + b64(vehicle.getPublic().getEncoded())),
                KeySpecs.parse(VIN + "=sm4:" + Hex.encode(KEY_A))));

        SignatureSigner signer = provider.signer(VIN).orElseThrow();
        assertThat(signer.type()).isEqualTo(Signature.SM2);
        SignatureVerifier verifier = provider.verifier(VIN).orElseThrow();
        assertThat(verifier.verify(signer.sign(PLAIN), PLAIN, 0, PLAIN.length)).isTrue();
        assertThat(verifier.verify(Signatures.rsaSigner(vehicle.getPrivate()).sign(PLAIN), PLAIN, 0, PLAIN.length)).isTrue();

        DataUnitCipher sm2 = provider.cipher(VIN, EncryptionType.SM2).orElseThrow();
        assertThat(sm2.decrypt(sm2.encrypt(PLAIN))).isEqualTo(PLAIN);
        assertThat(provider.cipher(VIN, EncryptionType.SM4).orElseThrow().encrypt(PLAIN))
                .isEqualTo(Ciphers.sm4Cbc(KEY_A, IV).encrypt(PLAIN));
        assertThat(provider.cipher(VIN, EncryptionType.AES128)).isEmpty();
    }

    @Test
    void conflictingRegistrationsFailFast() {
        assertThatThrownBy(() -> StaticKeyProvider.builder()
                .cipher(VIN, EncryptionType.AES128, Ciphers.aesEcb(KEY_A))
                .cipher(VIN, EncryptionType.AES128, Ciphers.aesEcb(KEY_B)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two AES128 ciphers for " + VIN);
        assertThatThrownBy(() -> StaticKeyProvider.builder().defaultCipher(EncryptionType.NONE, Ciphers.aesEcb(KEY_A)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StaticKeyProvider.of(List.of(
                KeySpecs.parse(VIN + "=rsa-public:" + b64(vehicle.getPublic().getEncoded())),
                KeySpecs.parse(VIN + "=rsa-public:" + b64(platform.getPublic().getEncoded())))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two rsa-public keys for " + VIN);
        assertThatThrownBy(() -> StaticKeyProvider.builder()
                .cipher(VIN, EncryptionType.RSA, Ciphers.rsa(vehicle.getPublic(), null))
                .add(KeySpecs.parse(VIN + "=rsa-private:" + b64(vehicle.getPrivate().getEncoded())))
                .build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("both an explicit RSA cipher and RSA keys for " + VIN);
        assertThatThrownBy(() -> StaticKeyProvider.builder()
                .verifier(VIN, Signatures.verifier(vehicle.getPublic()))
                .add(KeySpecs.parse(VIN + "=rsa-public:" + b64(vehicle.getPublic().getEncoded())))
                .build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("both a verifier and public keys for " + VIN);
    }

    @Test
    void toStringShowsNoKeys() {
        StaticKeyProvider provider = StaticKeyProvider.of(List.of(KeySpecs.parse("aes:" + Hex.encode(KEY_A)),
                KeySpecs.parse(VIN + "=sm4-ecb:" + Hex.encode(KEY_B))));
        assertThat(provider.toString()).isEqualTo("StaticKeyProvider[1 ids, default ciphers [AES128]]");
    }
}
