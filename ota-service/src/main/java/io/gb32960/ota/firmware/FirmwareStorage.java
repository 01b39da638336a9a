package io.gb32960.ota.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;

/**
 * Where firmware files live (hawkbit's {@code ArtifactStorage}): a local directory by default; an
 * object store can implement the same contract.
 */
public interface FirmwareStorage {

    /**
     * Streams {@code in} into the storage (never whole in memory), computing MD5 and SHA-256 on the
     * way. Nothing is kept when it fails or exceeds {@code maxBytes}.
     *
     * @throws TooLargeException when more than {@code maxBytes} arrive
     */
    StoredArtifact store(InputStream in, long maxBytes) throws IOException;

    /** Opens a stored file for reading at any position (downloads with Range). */
    FileChannel open(String key) throws IOException;

    void delete(String key) throws IOException;

    /** The upload was larger than allowed. */
    final class TooLargeException extends IOException {
        public TooLargeException(long max) {
            super("larger than " + max + " bytes");
        }
    }
}
