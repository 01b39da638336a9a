package io.gb32960.web.terminal;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The cryptography of the terminal-configuration protocol (docs/admin-backend.md): HMAC-SHA256
 * request signatures, HKDF-SHA256 (RFC 5869) key derivation, AES-256-GCM with a 96-bit IV and a
 * 128-bit tag. Pure functions; the JDK's providers only.
 */
public final class TerminalCrypto {

    /** HKDF info of the key that encrypts a terminal's credentials. */
    public static final String CONFIG_KEY_INFO = "gb32960 terminal-config v1";
    public static final int IV_BYTES = 12;
    public static final int TAG_BITS = 128;
    private static final String HMAC = "HmacSHA256";

    private TerminalCrypto() {
    }

    /** What a terminal signs: {@code VIN ":" timestamp} (epoch milliseconds, decimal), ASCII. */
    public static byte[] signedMessage(String vin, long timestamp) {
        return (vin + ":" + timestamp).getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison. */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** HKDF-SHA256 (RFC 5869): extract with {@code salt}, expand to {@code length} bytes with {@code info}. */
    public static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length > 255 * 32) {
            throw new IllegalArgumentException("HKDF-SHA256 yields at most 8160 bytes");
        }
        byte[] prk = hmacSha256(salt == null || salt.length == 0 ? new byte[32] : salt, ikm);
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        int done = 0;
        for (int i = 1; done < length; i++) {
            byte[] input = new byte[t.length + info.length + 1];
            System.arraycopy(t, 0, input, 0, t.length);
            System.arraycopy(info, 0, input, t.length, info.length);
            input[input.length - 1] = (byte) i;
            t = hmacSha256(prk, input);
            int n = Math.min(t.length, length - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        return out;
    }

    /** The AES-256 key of a terminal's credentials: HKDF-SHA256(secret, salt = VIN, info = {@value #CONFIG_KEY_INFO}). */
    public static byte[] configKey(byte[] terminalSecret, String vin) {
        return hkdf(terminalSecret, vin.getBytes(StandardCharsets.US_ASCII),
                CONFIG_KEY_INFO.getBytes(StandardCharsets.US_ASCII), 32);
    }

    public static byte[] randomIv(SecureRandom random) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        return iv;
    }

    /** AES-GCM: ciphertext followed by the 16-byte tag. */
    public static byte[] encrypt(byte[] key, byte[] iv, byte[] aad, byte[] plaintext) {
        return gcm(Cipher.ENCRYPT_MODE, key, iv, aad, plaintext);
    }

    /** The plaintext; throws {@link GeneralSecurityException} (wrapped) when the tag does not match. */
    public static byte[] decrypt(byte[] key, byte[] iv, byte[] aad, byte[] ciphertext) {
        return gcm(Cipher.DECRYPT_MODE, key, iv, aad, ciphertext);
    }

    private static byte[] gcm(int mode, byte[] key, byte[] iv, byte[] aad, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            if (aad != null) {
                c.updateAAD(aad);
            }
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES-GCM failed: " + e.getMessage(), e);
        }
    }
}
