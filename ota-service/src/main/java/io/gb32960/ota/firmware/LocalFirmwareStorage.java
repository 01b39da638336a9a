package io.gb32960.ota.firmware;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Firmware files in a local directory, named by a random UUID (never the client's file name). An
 * upload goes to a temporary file through both digests and is moved into place only when complete;
 * the temporary file is always deleted (hawkbit {@code AbstractArtifactStorage.store}).
 */
@Component
class LocalFirmwareStorage implements FirmwareStorage {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.bin");

    private final Path dir;

    LocalFirmwareStorage(FirmwareProperties properties) throws IOException {
        this.dir = properties.storageDir().toAbsolutePath().normalize();
        Files.createDirectories(dir.resolve("tmp"));
    }

    @Override
    public StoredArtifact store(InputStream in, long maxBytes) throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha256 = digest("SHA-256");
        String key = UUID.randomUUID() + ".bin";
        Path tmp = Files.createTempFile(dir.resolve("tmp"), "upload-", ".part");
        try {
            long size = 0;
            byte[] buf = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    md5.update(buf, 0, n);
                    sha256.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            Files.move(tmp, dir.resolve(key), StandardCopyOption.ATOMIC_MOVE);
            return new StoredArtifact(key, size, new ArtifactHashes(HexFormat.of().formatHex(md5.digest()),
                    HexFormat.of().formatHex(sha256.digest())));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public FileChannel open(String key) throws IOException {
        return FileChannel.open(path(key), StandardOpenOption.READ);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return dir.resolve(key);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
