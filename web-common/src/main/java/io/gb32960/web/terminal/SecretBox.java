package io.gb32960.web.terminal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Secrets at rest in MySQL (terminal secrets, configured platform passwords): AES-256-GCM under the
 * admin backend's master key, bound to their place by the AAD, the context (a ciphertext copied to
 * another row does not decrypt). Layout: version byte 0x01, 12-byte IV, ciphertext with its 16-byte
 * tag. The admin backend seals and opens; the OTA service opens the terminal secrets.
 */
public final class SecretBox {

    private static final byte VERSION = 1;
    private static final int TAG_BYTES = TerminalCrypto.TAG_BITS / 8;

    private final Supplier<byte[]> masterKey;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    /**
     * @param masterKey reads the 32-byte master key, at the first use; what it throws reaches the
     *                  caller of {@link #seal}/{@link #open}, and the next use reads again
     */
    public SecretBox(Supplier<byte[]> masterKey) {
        this.masterKey = masterKey;
    }

    public byte[] seal(byte[] plaintext, String context) {
        byte[] iv = TerminalCrypto.randomIv(random);
        byte[] sealed = TerminalCrypto.encrypt(key(), iv, aad(context), plaintext);
        return ByteBuffer.allocate(1 + iv.length + sealed.length).put(VERSION).put(iv).put(sealed).array();
    }

    /** The plaintext; {@link IllegalArgumentException} when {@code box} is not sealed under this key and context. */
    public byte[] open(byte[] box, String context) {
        if (box == null || box.length < 1 + TerminalCrypto.IV_BYTES + TAG_BYTES || box[0] != VERSION) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        byte[] iv = Arrays.copyOfRange(box, 1, 1 + TerminalCrypto.IV_BYTES);
        byte[] sealed = Arrays.copyOfRange(box, 1 + TerminalCrypto.IV_BYTES, box.length);
        return TerminalCrypto.decrypt(key(), iv, aad(context), sealed);
    }

    private static byte[] aad(String context) {
        return context.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = masterKey.get();
                }
                k = key;
            }
        }
        return k;
    }
}
