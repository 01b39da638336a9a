package io.gb32960.consumers.keys;

import io.gb32960.consumers.config.ConsumersProperties.Keys.SymmetricMode;
import io.gb32960.protocol.crypto.Ciphers;
import io.gb32960.protocol.crypto.DataUnitCipher;
import io.gb32960.protocol.crypto.SignatureVerifier;
import io.gb32960.protocol.crypto.Signatures;
import io.gb32960.protocol.crypto.Sm2Keys;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.wire.Bytes;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what the access node stores in Redis into keys (layout: platform-common {@code RedisKeys}).
 * <ul>
 *   <li>{@code gb32960:pubkey:{VIN}}: the public key of the 2025 activation, hex. 33, 64 or 65 bytes
 *   are an SM2 point; anything else is read as an X.509 SubjectPublicKeyInfo (RSA, then EC).</li>
 *   <li>{@code gb32960:datakey:{VIN}}: the key exchanged with 0x0B: {@code type} (AES128 | SM4 | RSA |
 *   SM2) and {@code key} (hex). AES and SM4 keys decrypt the vehicle's data units (CBC with a zero
 *   IV, or ECB, as configured: the standard names no mode). An exchanged RSA or SM2 key is the
 *   vehicle's public key, which cannot decrypt what it sends: such frames need the platform's private
 *   key from the key file.</li>
 * </ul>
 * Malformed keys are reported as {@link IllegalArgumentException}.
 */
final class RedisKeyParser {

    private static final byte[] ZERO_IV = new byte[16];

    private RedisKeyParser() {
    }

    static SignatureVerifier verifier(String hex) {
        byte[] der = Bytes.fromHex(hex).toByteArray();
        if (der.length == 33 || der.length == 64 || der.length == 65) {
            return Signatures.verifier(Sm2Keys.publicKey(der));
        }
        return Signatures.verifier(x509(der));
    }

    /** The cipher of an exchanged symmetric key; empty for asymmetric (or unknown) types. */
    static Optional<SymmetricKey> dataKey(Map<String, String> hash, SymmetricMode mode) {
        String type = hash.get("type");
        String hex = hash.get("key");
        if (type == null || hex == null) {
            return Optional.empty();
        }
        EncryptionType t = byLabel(type);
        if (t != EncryptionType.AES128 && t != EncryptionType.SM4) {
            return Optional.empty();
        }
        byte[] key = Bytes.fromHex(hex).toByteArray();
        DataUnitCipher cipher;
        if (t == EncryptionType.AES128) {
            cipher = mode == SymmetricMode.ECB ? Ciphers.aesEcb(key) : Ciphers.aesCbc(key, ZERO_IV);
        } else {
            cipher = mode == SymmetricMode.ECB ? Ciphers.sm4Ecb(key) : Ciphers.sm4Cbc(key, ZERO_IV);
        }
        return Optional.of(new SymmetricKey(t, cipher));
    }

    record SymmetricKey(EncryptionType type, DataUnitCipher cipher) {
    }

    private static EncryptionType byLabel(String label) {
        for (EncryptionType t : EncryptionType.values()) {
            if (t.label().equalsIgnoreCase(label) || t.name().equalsIgnoreCase(label)) {
                return t;
            }
        }
        return null;
    }

    private static PublicKey x509(byte[] der) {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("public key of " + der.length + " bytes is neither an SM2 point nor X.509 RSA/EC");
    }
}
