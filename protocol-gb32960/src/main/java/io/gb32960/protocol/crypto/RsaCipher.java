package io.gb32960.protocol.crypto;

import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * RSA PKCS#1 v1.5 over the whole data unit: encrypts with the public key, decrypts with the private
 * key. A data unit longer than one block goes block by block: plaintext chunks of k-11 bytes, each
 * giving a ciphertext block of k bytes (k = modulus size in bytes). An empty data unit stays empty.
 */
final class RsaCipher implements DataUnitCipher {

    private static final int PKCS1_OVERHEAD = 11;

    private final RSAKeyParameters publicKey;
    private final RSAKeyParameters privateKey;

    /** Either key may be null (encrypt-only or decrypt-only), not both. */
    RsaCipher(RSAKeyParameters publicKey, RSAKeyParameters privateKey) {
        if (publicKey == null && privateKey == null) {
            throw new IllegalArgumentException("an RSA cipher needs a public key, a private key or both");
        }
        // the two keys need not be a pair: the public key is usually the peer's, the private key our own
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    private static int bytes(RSAKeyParameters key) {
        return (key.getModulus().bitLength() + 7) / 8;
    }

    @Override
    public byte[] encrypt(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (publicKey == null) {
            throw new CryptoException("RSA cipher has no public key to encrypt with");
        }
        int k = bytes(publicKey);
        int chunk = k - PKCS1_OVERHEAD;
        try {
            AsymmetricBlockCipher rsa = new PKCS1Encoding(new RSABlindedEngine());
            rsa.init(true, new ParametersWithRandom(publicKey, BcKeys.random()));
            ByteArrayOutputStream out = new ByteArrayOutputStream((plaintext.length / chunk + 1) * k);
            for (int off = 0; off < plaintext.length; off += chunk) {
                byte[] block = rsa.processBlock(plaintext, off, Math.min(chunk, plaintext.length - off));
                // a block is always k bytes, even when its integer value has leading zero bytes
                out.write(new byte[k - block.length], 0, k - block.length);
                out.write(block, 0, block.length);
            }
            return out.toByteArray();
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("RSA encryption failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (privateKey == null) {
            throw new CryptoException("RSA cipher has no private key to decrypt with");
        }
        int k = bytes(privateKey);
        if (ciphertext.length % k != 0) {
            throw new CryptoException("RSA ciphertext of " + ciphertext.length + " bytes is not a multiple of the "
                    + k + "-byte block");
        }
        try {
            AsymmetricBlockCipher rsa = new PKCS1Encoding(new RSABlindedEngine());
            rsa.init(false, new ParametersWithRandom(privateKey, BcKeys.random()));
            ByteArrayOutputStream out = new ByteArrayOutputStream(ciphertext.length);
            for (int off = 0; off < ciphertext.length; off += k) {
                byte[] block = rsa.processBlock(ciphertext, off, k);
                out.write(block, 0, block.length);
            }
            return out.toByteArray();
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("RSA decryption failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RSA/PKCS1"
                + (publicKey == null ? " (decrypt only)" : privateKey == null ? " (encrypt only)" : "");
    }
}
