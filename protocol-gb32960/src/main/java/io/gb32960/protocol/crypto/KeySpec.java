package io.gb32960.protocol.crypto;

import io.gb32960.protocol.frame.EncryptionType;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed key spec (see {@link KeySpecs} for the text grammar): a symmetric data-unit cipher, or
 * one half of an asymmetric key, bound to one unique id or to all of them.
 * {@link StaticKeyProvider.Builder#add(KeySpec)} turns specs into ciphers, verifiers and signers.
 * {@link #toString()} names the kind and scope only, never key material.
 *
 * @param uniqueId   the VIN / platform id the key is bound to, or null for every id
 * @param cipher     the cipher of a symmetric kind, else null
 * @param publicKey  the key of a {@code *-public} kind, else null
 * @param privateKey the key of a {@code *-private} kind, else null
 */
public record KeySpec(String uniqueId, Kind kind, DataUnitCipher cipher, PublicKey publicKey, PrivateKey privateKey) {

    /** Spec kinds, by their token in the text grammar. */
    public enum Kind {
        AES("aes", EncryptionType.AES128),
        AES_ECB("aes-ecb", EncryptionType.AES128),
        SM4("sm4", EncryptionType.SM4),
        SM4_ECB("sm4-ecb", EncryptionType.SM4),
        RSA_PUBLIC("rsa-public", EncryptionType.RSA),
        RSA_PRIVATE("rsa-private", EncryptionType.RSA),
        SM2_PUBLIC("sm2-public", EncryptionType.SM2),
        SM2_PRIVATE("sm2-private", EncryptionType.SM2),
        /** EC public key for type-3 (ECC) signatures only: the standard has no ECC data-unit cipher. */
        ECC_PUBLIC("ecc-public", null),
        ECC_PRIVATE("ecc-private", null);

        private final String token;
        private final EncryptionType scheme;

        Kind(String token, EncryptionType scheme) {
            this.token = token;
            this.scheme = scheme;
        }

        public String token() {
            return token;
        }

        /** The data-unit encryption this key serves, if any. */
        public Optional<EncryptionType> scheme() {
            return Optional.ofNullable(scheme);
        }

        public boolean isSymmetric() {
            return this == AES || this == AES_ECB || this == SM4 || this == SM4_ECB;
        }

        public boolean isPublic() {
            return this == RSA_PUBLIC || this == SM2_PUBLIC || this == ECC_PUBLIC;
        }

        public boolean isPrivate() {
            return this == RSA_PRIVATE || this == SM2_PRIVATE || this == ECC_PRIVATE;
        }

        /** Whether the material of this kind is secret (never echoed in messages). */
        public boolean isSecret() {
            return !isPublic();
        }

        public static Optional<Kind> byToken(String token) {
            for (Kind k : values()) {
                if (k.token.equals(token)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public KeySpec {
        Objects.requireNonNull(kind, "kind");
        if (kind.isSymmetric() != (cipher != null) || kind.isPublic() != (publicKey != null)
                || kind.isPrivate() != (privateKey != null)) {
            throw new IllegalArgumentException(kind.token() + " spec needs exactly its own material");
        }
    }

    public static KeySpec symmetric(String uniqueId, Kind kind, DataUnitCipher cipher) {
        return new KeySpec(uniqueId, kind, cipher, null, null);
    }

    public static KeySpec publicKey(String uniqueId, Kind kind, PublicKey key) {
        return new KeySpec(uniqueId, kind, null, key, null);
    }

    public static KeySpec privateKey(String uniqueId, Kind kind, PrivateKey key) {
        return new KeySpec(uniqueId, kind, null, null, key);
    }

    /** Whether the key applies to every unique id. */
    public boolean appliesToAll() {
        return uniqueId == null;
    }

    @Override
    public String toString() {
        return (uniqueId == null ? "" : uniqueId + "=") + kind.token() + (kind.isSecret() ? ":<redacted>" : ":<public key>");
    }
}
