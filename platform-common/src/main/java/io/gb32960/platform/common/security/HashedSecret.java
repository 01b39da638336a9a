package io.gb32960.platform.common.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A salted PBKDF2-HMAC-SHA256 hash of a secret (a platform password): what is stored, never the
 * secret itself. Verification is constant-time.
 */
public record HashedSecret(byte[] salt, byte[] hash, int iterations) {

    public static final int DEFAULT_ITERATIONS = 120_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    public HashedSecret {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    public static HashedSecret of(String secret) {
        return of(secret, DEFAULT_ITERATIONS, new SecureRandom());
    }

    public static HashedSecret of(String secret, int iterations, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new HashedSecret(salt, derive(secret, salt, iterations), iterations);
    }

    /** Whether {@code secret} is the secret this hash was made from. */
    public boolean matches(String secret) {
        return MessageDigest.isEqual(hash, derive(secret, salt, iterations));
    }

    public String saltBase64() {
        return Base64.getEncoder().encodeToString(salt);
    }

    public String hashBase64() {
        return Base64.getEncoder().encodeToString(hash);
    }

    public static HashedSecret fromBase64(String salt, String hash, int iterations) {
        return new HashedSecret(Base64.getDecoder().decode(salt), Base64.getDecoder().decode(hash), iterations);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashedSecret h && iterations == h.iterations && Arrays.equals(salt, h.salt)
                && Arrays.equals(hash, h.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "HashedSecret[PBKDF2-HMAC-SHA256, " + iterations + " iterations]";
    }
}
