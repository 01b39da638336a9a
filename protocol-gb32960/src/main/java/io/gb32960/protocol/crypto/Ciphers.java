package io.gb32960.protocol.crypto;

import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * Data-unit ciphers for the encryption byte of the header (数据单元加密方式, Table 2): 0x02 RSA,
 * 0x03 AES128, 0x04 SM2, 0x05 SM4. The standard names the algorithms only: key size, mode, IV and
 * padding are not specified, so each is set per key here. The whole data unit is one message; its
 * ciphertext is what the length field and the BCC cover (encrypt, then checksum).
 *
 * <ul>
 *   <li>AES: 16, 24 or 32-byte key (the "AES128" label notwithstanding: JTNewEnergy uses AES-256),
 *       CBC with a fixed 16-byte IV and PKCS#7 padding, or ECB with PKCS#7.</li>
 *   <li>SM4 (GB/T 32907): 16-byte key, CBC + IV + PKCS#7, or ECB + PKCS#7.</li>
 *   <li>RSA: PKCS#1 v1.5, block by block (chunks of k-11 bytes, blocks of k bytes).</li>
 *   <li>SM2 (GB/T 32918.4): C1||C3||C2 by default (the order of the current standard), C1||C2||C3
 *       selectable (the order of the 2012 text, still used by some terminals).</li>
 * </ul>
 *
 * <p>Asymmetric ciphers encrypt with the public key and decrypt with the private key. The two keys
 * need not be a pair: a platform encrypts downlink data with the vehicle's public key and decrypts
 * uplink data with its own private key. Either may be null for a one-way cipher.
 *
 * <p>Every cipher is immutable and thread-safe; its operations throw {@link CryptoException} only.
 * The factories throw {@link IllegalArgumentException} for a key of the wrong size or algorithm.
 */
public final class Ciphers {

    /** Order of the three SM2 ciphertext parts. */
    public enum Sm2Mode {
        C1C3C2, C1C2C3
    }

    private Ciphers() {
    }

    /** AES-CBC with PKCS#7 padding; {@code key} 16/24/32 bytes, {@code iv} 16 bytes. */
    public static DataUnitCipher aesCbc(byte[] key, byte[] iv) {
        if (iv == null) {
            throw new IllegalArgumentException("AES-CBC needs a 16-byte IV");
        }
        return new SymmetricCipher(SymmetricCipher.Algorithm.AES, key, iv);
    }

    /** AES-ECB with PKCS#7 padding; {@code key} 16/24/32 bytes. ECB shows repeated blocks: use only when a terminal does. */
    public static DataUnitCipher aesEcb(byte[] key) {
        return new SymmetricCipher(SymmetricCipher.Algorithm.AES, key, null);
    }

    /** SM4-CBC with PKCS#7 padding; {@code key} and {@code iv} 16 bytes. */
    public static DataUnitCipher sm4Cbc(byte[] key, byte[] iv) {
        if (iv == null) {
            throw new IllegalArgumentException("SM4-CBC needs a 16-byte IV");
        }
        return new SymmetricCipher(SymmetricCipher.Algorithm.SM4, key, iv);
    }

    /** SM4-ECB with PKCS#7 padding; {@code key} 16 bytes. */
    public static DataUnitCipher sm4Ecb(byte[] key) {
        return new SymmetricCipher(SymmetricCipher.Algorithm.SM4, key, null);
    }

    /**
     * RSA PKCS#1 v1.5: encrypt with {@code publicKey}, decrypt with {@code privateKey}; either may be
     * null (the missing direction then throws {@link CryptoException}).
     */
    public static DataUnitCipher rsa(PublicKey publicKey, PrivateKey privateKey) {
        RSAKeyParameters pub = publicKey == null ? null : BcKeys.rsa(BcKeys.publicParameters(publicKey), "RSA public key");
        RSAKeyParameters priv = privateKey == null ? null : BcKeys.rsa(BcKeys.privateParameters(privateKey), "RSA private key");
        return new RsaCipher(pub, priv);
    }

    /** SM2 in C1C3C2 order; keys on sm2p256v1 (see {@link Sm2Keys}), either may be null. */
    public static DataUnitCipher sm2(PublicKey publicKey, PrivateKey privateKey) {
        return sm2(publicKey, privateKey, Sm2Mode.C1C3C2);
    }

    /** SM2 in the given ciphertext order; keys on sm2p256v1, either may be null. */
    public static DataUnitCipher sm2(PublicKey publicKey, PrivateKey privateKey, Sm2Mode mode) {
        ECPublicKeyParameters pub = publicKey == null ? null : BcKeys.sm2Public(BcKeys.publicParameters(publicKey));
        ECPrivateKeyParameters priv = privateKey == null ? null : BcKeys.sm2Private(BcKeys.privateParameters(privateKey));
        return new Sm2Cipher(pub, priv, mode);
    }
}
