package io.gb32960.admin.terminal;

import io.gb32960.web.terminal.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The master key that seals secrets at rest ({@link SecretBox}): the configured one, or else one
 * generated at the first use and kept in {@code admin_secret}, where the OTA service reads it too.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);
    private static final String KEY_NAME = "master-key";

    @Bean
    SecretBox secretBox(NamedParameterJdbcTemplate jdbc, TerminalConfigProperties properties) {
        return new SecretBox(() -> masterKey(jdbc, properties));
    }

    private static byte[] masterKey(NamedParameterJdbcTemplate jdbc, TerminalConfigProperties properties) {
        if (!properties.masterKey().isBlank()) {
            byte[] configured = Base64.getDecoder().decode(properties.masterKey().trim());
            if (configured.length != 32) {
                throw new IllegalStateException("gb32960.admin.terminal-config.master-key must be 32 bytes (base64)");
            }
            return configured;
        }
        byte[] generated = new byte[32];
        new SecureRandom().nextBytes(generated);
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
