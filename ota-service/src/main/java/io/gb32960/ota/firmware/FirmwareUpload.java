package io.gb32960.ota.firmware;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a supplier states about an upload. The versions are what terminals report in parameters 0x07
 * (hardware) and 0x08 (firmware), both STRING[5] in Table B.10 of both editions, and they travel in
 * the remote-upgrade command (Table B.15/B.16): so 1 to 5 characters, no ';', no spaces.
 *
 * @param md5    the file's MD5 as the supplier computed it (32 hex digits)
 * @param sha256 the file's SHA-256 (64 hex digits)
 */
public record FirmwareUpload(
        @NotBlank @Size(max = 64) String terminalModel,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._+-]{1,5}", message = VERSION_RULE) String hardwareVersion,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._+-]{1,5}", message = VERSION_RULE) String version,
        @Size(max = 10_000) String releaseNotes,
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{32}", message = "32 hex digits") String md5,
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "64 hex digits") String sha256) {

    static final String VERSION_RULE = "1 to 5 letters, digits or . _ + - (parameters 0x07/0x08 are 5 bytes, Table B.10)";
}
