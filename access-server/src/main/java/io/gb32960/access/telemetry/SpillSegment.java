package io.gb32960.access.telemetry;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file as the store sees it. {@link #end} only grows, and only by whole records, so a
 * reader may read up to it at any time; once {@link #sealed} is true, {@code end} is final and the
 * next segment is already in the store's map.
 */
final class SpillSegment {

    final long id;
    final Path path;
    /** Bytes written to the file (not counting the writer's buffer): records in [header, end) are readable. */
    volatile long end;
    /** True once the writer has moved on to a later segment. Set after {@code end} is final. */
    volatile boolean sealed;

    /** The reader's channel, opened on first use; guarded by the store's read lock. */
    private FileChannel reader;

    SpillSegment(long id, Path path, long end, boolean sealed) {
        this.id = id;
        this.path = path;
        this.end = end;
        this.sealed = sealed;
    }

    FileChannel reader() throws IOException {
        if (reader == null) {
            reader = FileChannel.open(path, StandardOpenOption.READ);
        }
        return reader;
    }

    void closeReader() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
