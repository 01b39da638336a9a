package io.gb32960.ota.terminal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Terminal authentication of the version check ({@code gb32960.ota.terminal-auth.*}), the admin
 * backend's scheme: the terminal secrets are the admin backend's ({@code terminal_secret}).
 *
 * @param masterKey the admin backend's {@code gb32960.admin.terminal-config.master-key} (base64, 32
 *                  bytes), which seals the terminal secrets; empty: the key the admin backend
 *                  generated and keeps in {@code admin_secret}
 * @param clockSkew how far a terminal's timestamp may be from the server's clock
 */
@ConfigurationProperties("gb32960.ota.terminal-auth")
public record TerminalAuthProperties(@DefaultValue("") String masterKey, @DefaultValue("5m") Duration clockSkew) {
}
