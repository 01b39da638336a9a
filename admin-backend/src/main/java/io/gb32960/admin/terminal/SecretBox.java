package io.gb32960.admin.terminal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Secrets at rest in MySQL (terminal secrets, configured platform passwords): AES-256-GCM under the
 * master key, bound to their place by the AAD (a ciphertext copied to another row does not
 * decrypt). Layout: version byte 0x01, 12-byte IV, ciphertext with its 16-byte tag.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final byte VERSION = 1;
    private static final String KEY_NAME = "master-key";

    private final NamedParameterJdbcTemplate jdbc;
    private final TerminalConfigProperties properties;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    SecretBox(NamedParameterJdbcTemplate jdbc, TerminalConfigProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public byte[] seal(byte[] plaintext, String context) {
        byte[] iv = TerminalCrypto.randomIv(random);
        byte[] sealed = TerminalCrypto.encrypt(key(), iv, aad(context), plaintext);
        return ByteBuffer.allocate(1 + iv.length + sealed.length).put(VERSION).put(iv).put(sealed).array();
    }

    public byte[] open(byte[] box, String context) {
        if (box == null || box.length < 1 + TerminalCrypto.IV_BYTES + 16 || box[0] != VERSION) {
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
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] load() {
        if (!properties.masterKey().isBlank()) {
            byte[] configured = Base64.getDecoder().decode(properties.masterKey().trim());
            if (configured.length != 32) {
                throw new IllegalStateException("gb32960.admin.terminal-config.master-key must be 32 bytes (base64)");
            }
            return configured;
        }
        byte[] generated = new byte[32];
        random.nextBytes(generated);
        // the first instance to insert wins; every instance then reads the same key
        int inserted = jdbc.update("INSERT IGNORE INTO admin_secret (name, value) VALUES (:name, :value)",
                Map.of("name", KEY_NAME, "value", generated));
        if (inserted > 0) {
            log.warn("generated the master key of terminal secrets and configured passwords and stored it in the"
                    + " database (admin_secret); configure gb32960.admin.terminal-config.master-key to keep it elsewhere");
        }
        return jdbc.queryForObject("SELECT value FROM admin_secret WHERE name = :name", Map.of("name", KEY_NAME),
                byte[].class);
    }
}
