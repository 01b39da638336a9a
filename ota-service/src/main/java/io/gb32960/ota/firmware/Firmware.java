package io.gb32960.ota.firmware;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** A firmware image as listed; {@code storageKey} stays inside the service. */
public record Firmware(long id, long supplierId, String supplierCode, String terminalModel, String hardwareVersion,
                       String version, String releaseNotes, String fileName, long sizeBytes, String md5,
                       String sha256, @JsonIgnore String storageKey, FirmwareStatus status, String reviewComment,
                       String reviewedBy, Instant reviewedAt, String uploadedBy, Instant uploadedAt) {

    /** Review state: only APPROVED firmware can be rolled out. */
    public enum FirmwareStatus {
        PENDING_REVIEW, APPROVED, REJECTED
    }
}
