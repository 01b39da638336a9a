package io.gb32960.protocol.crypto;

import io.gb32960.protocol.frame.EncryptionType;

import java.util.Optional;

/**
 * Keys by unique id (VIN or platform id): the cipher for encrypted data units and the verifier for
 * 2025 signatures. Implementations back onto configuration, Redis, a key file...
 */
public interface KeyProvider {

    KeyProvider NONE = new KeyProvider() {
        @Override
        public Optional<DataUnitCipher> cipher(String uniqueId, EncryptionType type) {
            return Optional.empty();
        }

        @Override
        public Optional<SignatureVerifier> verifier(String uniqueId) {
            return Optional.empty();
        }
    };

    /** The cipher for data units of {@code uniqueId} under {@code type}, if a key is known. */
    Optional<DataUnitCipher> cipher(String uniqueId, EncryptionType type);

    /** The verifier for signatures of {@code uniqueId}, if its public key is known. */
    Optional<SignatureVerifier> verifier(String uniqueId);
}
