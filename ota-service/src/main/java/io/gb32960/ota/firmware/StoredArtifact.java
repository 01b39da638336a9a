package io.gb32960.ota.firmware;

/** A file in the firmware storage: its key (chosen by the storage, never by a client), size and digests. */
public record StoredArtifact(String key, long size, ArtifactHashes hashes) {
}
