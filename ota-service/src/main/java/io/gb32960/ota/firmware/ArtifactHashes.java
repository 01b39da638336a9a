package io.gb32960.ota.firmware;

/** The digests of a firmware file, lower-case hex (hawkbit's {@code ArtifactHashes}, without SHA-1). */
public record ArtifactHashes(String md5, String sha256) {
}
