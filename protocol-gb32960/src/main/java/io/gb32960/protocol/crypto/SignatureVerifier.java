package io.gb32960.protocol.crypto;

import io.gb32960.protocol.message.Signature;

/**
 * Verifies 2025 signatures (Table 8) of one vehicle against its public key; see {@link Signatures}.
 * Implementations must be thread-safe.
 */
public interface SignatureVerifier {

    /**
     * Whether {@code signature} signs {@code data[offset..offset+length)}. A malformed signature
     * (wrong lengths, R or S out of range) is a wrong one: {@code false}.
     *
     * @throws CryptoException when the signature type is not supported by this key
     */
    boolean verify(Signature signature, byte[] data, int offset, int length);
}
