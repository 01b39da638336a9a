package io.gb32960.protocol.crypto;

import io.gb32960.protocol.message.Signature;

/**
 * Signs 2025 data units (Table 8) with one private key; the vehicle side of {@link SignatureVerifier}.
 * For a realtime or reissue report the signed range runs from the first byte of the collection
 * time to the last byte of the last info item, excluding the 0xFF signature marker. See
 * {@link Signatures}.
 */
public interface SignatureSigner {

    /** The Table 8 signature type produced: {@link Signature#SM2}, {@link Signature#RSA} or {@link Signature#ECC}. */
    int type();

    /**
     * Signs {@code data[offset..offset+length)}.
     *
     * @throws CryptoException when signing fails
     */
    Signature sign(byte[] data, int offset, int length);

    default Signature sign(byte[] data) {
        return sign(data, 0, data.length);
    }
}
