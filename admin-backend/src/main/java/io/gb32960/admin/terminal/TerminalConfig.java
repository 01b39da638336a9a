package io.gb32960.admin.terminal;

import java.time.Instant;

/**
 * One stored terminal configuration (a model's, or a vehicle's overrides); null fields inherit.
 *
 * @param hasPassword whether a platform password is stored (it is never shown)
 */
public record TerminalConfig(Scope scope, String key, Integer reportIntervalS, Integer heartbeatIntervalS,
                             Integer baudRate, String dispatchHost, Integer dispatchPort, String platformAccount,
                             boolean hasPassword, String updatedBy, Instant updatedAt) {

    /** Whose configuration. */
    public enum Scope {
        MODEL, VEHICLE
    }
}
