package io.gb32960.protocol.crypto;

/**
 * Encrypts and decrypts whole data units for one vehicle or platform under one scheme (Table 2
 * encryption byte). The standard fixes neither key nor mode, so implementations are configured
 * per key; see {@link Ciphers}. Implementations must be thread-safe: one instance serves every
 * connection of its vehicle.
 */
public interface DataUnitCipher {

    /** @throws CryptoException when the input does not encrypt (wrong key type, size limit) */
    byte[] encrypt(byte[] plaintext);

    /**
     * Decrypts one data unit; an empty ciphertext (a frame flagged encrypted with N = 0) decrypts
     * to an empty data unit.
     *
     * @throws CryptoException when the input does not decrypt (wrong key, bad padding)
     */
    byte[] decrypt(byte[] ciphertext);
}
