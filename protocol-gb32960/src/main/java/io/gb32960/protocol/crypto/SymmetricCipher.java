package io.gb32960.protocol.crypto;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import java.util.Arrays;
import java.util.Objects;

/**
 * AES or SM4 over the whole data unit with PKCS#7 padding, in CBC (with a fixed IV) or ECB mode.
 * Stateless between calls, so one instance serves every thread.
 */
final class SymmetricCipher implements DataUnitCipher {

    static final int BLOCK_SIZE = 16;

    enum Algorithm {
        AES, SM4
    }

    private final Algorithm algorithm;
    private final KeyParameter key;
    private final byte[] iv;
    private final String description;

    /** @param iv the CBC IV, or null for ECB */
    SymmetricCipher(Algorithm algorithm, byte[] key, byte[] iv) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        if (algorithm == Algorithm.AES && key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes, got " + key.length);
        }
        if (algorithm == Algorithm.SM4 && key.length != 16) {
            throw new IllegalArgumentException("SM4 key must be 16 bytes, got " + key.length);
        }
        if (iv != null && iv.length != BLOCK_SIZE) {
            throw new IllegalArgumentException(algorithm + " IV must be 16 bytes, got " + iv.length);
        }
        this.key = new KeyParameter(key);
        this.iv = iv == null ? null : iv.clone();
        this.description = (algorithm == Algorithm.AES ? "AES-" + key.length * 8 : "SM4")
                + (iv == null ? "/ECB" : "/CBC") + "/PKCS7";
    }

    @Override
    public byte[] encrypt(byte[] plaintext) {
        return process(true, Objects.requireNonNull(plaintext, "plaintext"));
    }

    @Override
    public byte[] decrypt(byte[] ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        // an empty data unit in a frame flagged encrypted holds nothing to decrypt
        return ciphertext.length == 0 ? ciphertext : process(false, ciphertext);
    }

    private byte[] process(boolean forEncryption, byte[] input) {
        BlockCipher engine = algorithm == Algorithm.AES ? AESEngine.newInstance() : new SM4Engine();
        BlockCipher mode = iv == null ? engine : CBCBlockCipher.newInstance(engine);
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(mode, new PKCS7Padding());
        CipherParameters params = iv == null ? key : new ParametersWithIV(key, iv);
        try {
            cipher.init(forEncryption, params);
            byte[] out = new byte[cipher.getOutputSize(input.length)];
            int n = cipher.processBytes(input, 0, input.length, out, 0);
            n += cipher.doFinal(out, n);
            return n == out.length ? out : Arrays.copyOf(out, n);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException(description + (forEncryption ? " encryption" : " decryption")
                    + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
