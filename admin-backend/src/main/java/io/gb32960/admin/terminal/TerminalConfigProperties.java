package io.gb32960.admin.terminal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Terminal configuration ({@code gb32960.admin.terminal-config.*}).
 *
 * @param masterKey   AES-256 key (base64, 32 bytes) that encrypts terminal secrets and configured platform
 *                    passwords in MySQL; empty: one is generated at the first use and kept in {@code admin_secret}
 * @param clockSkew   how far a terminal's timestamp may be from the server's clock
 * @param defaults    what a terminal gets where neither its model nor its vehicle says otherwise
 */
@ConfigurationProperties("gb32960.admin.terminal-config")
public record TerminalConfigProperties(@DefaultValue("") String masterKey,
                                       @DefaultValue("5m") Duration clockSkew,
                                       @DefaultValue Defaults defaults) {

    /** Service-wide defaults of the terminal configuration. */
    public record Defaults(@DefaultValue("10") int reportIntervalS, @DefaultValue("30") int heartbeatIntervalS,
                           @DefaultValue("115200") int baudRate, @DefaultValue("") String dispatchHost,
                           @DefaultValue("32959") int dispatchPort) {
    }
}
