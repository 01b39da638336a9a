package io.gb32960.protocol.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;

import java.util.Objects;

/**
 * SM2 public-key encryption (GB/T 32918.4) with SM3: encrypts with the public key, decrypts with the
 * private key. The ciphertext is the raw concatenation C1 (uncompressed point 04||x||y, 65 bytes),
 * C3 (SM3 hash, 32 bytes) and C2 (same length as the plaintext), in the configured order; not the
 * ASN.1 form of GM/T 0009.
 */
final class Sm2Cipher implements DataUnitCipher {

    private final ECPublicKeyParameters publicKey;
    private final ECPrivateKeyParameters privateKey;
    private final Ciphers.Sm2Mode mode;

    Sm2Cipher(ECPublicKeyParameters publicKey, ECPrivateKeyParameters privateKey, Ciphers.Sm2Mode mode) {
        if (publicKey == null && privateKey == null) {
            throw new IllegalArgumentException("an SM2 cipher needs a public key, a private key or both");
        }
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    private SM2Engine engine() {
        return new SM2Engine(mode == Ciphers.Sm2Mode.C1C3C2 ? SM2Engine.Mode.C1C3C2 : SM2Engine.Mode.C1C2C3);
    }

    @Override
    public byte[] encrypt(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (publicKey == null) {
            throw new CryptoException("SM2 cipher has no public key to encrypt with");
        }
        if (plaintext.length == 0) {
            return plaintext; // SM2 has no encryption of nothing; an empty data unit stays empty
        }
        try {
            SM2Engine sm2 = engine();
            sm2.init(true, new ParametersWithRandom(publicKey, BcKeys.random()));
            return sm2.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("SM2 encryption failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (privateKey == null) {
            throw new CryptoException("SM2 cipher has no private key to decrypt with");
        }
        if (ciphertext.length == 0) {
            return ciphertext;
        }
        try {
            SM2Engine sm2 = engine();
            sm2.init(false, privateKey);
            return sm2.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("SM2 decryption failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SM2/" + mode + (publicKey == null ? " (decrypt only)" : privateKey == null ? " (encrypt only)" : "");
    }
}
