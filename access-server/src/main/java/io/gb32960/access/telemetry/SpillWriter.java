package io.gb32960.access.telemetry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import static io.gb32960.access.telemetry.SpillFormat.SEGMENT_HEADER_BYTES;

/**
 * The append side of {@link FileSpillStore}: one active segment, a buffer in front of it, and a
 * sync thread.
 *
 * <p>Appenders (Netty event loops) hold {@link #lock} only to copy an already encoded record into
 * the buffer; the buffer goes to the file when it is full, when the reader needs it
 * ({@link #flush}) and on every sync. The sync thread wakes every {@code fsync.interval}, or as
 * soon as {@code fsync.appends} records arrived since its last run, writes the buffer under the
 * lock, and calls {@link FileChannel#force} outside it, so an appender never waits for a disk
 * flush.
 */
final class SpillWriter {

    private static final Logger log = LoggerFactory.getLogger(FileSpillStore.class);
    /** 256 KiB: about 650 frames of 354 bytes, i.e. 13 ms at 50,000 frames/s. */
    static final int BUFFER_BYTES = 256 * 1024;

    private final Path dir;
    private final FileSpillStore.Config config;
    private final ConcurrentSkipListMap<Long, SpillSegment> segments;
    private final AtomicLong size;
    private final AtomicLong bytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final Thread syncer;

    // guarded by lock
    private SpillSegment active;
    private FileChannel channel;
    /** End of the active segment counting the buffer. */
    private long appendEnd;
    /** Channels of segments rolled away from, still to be forced and closed by the sync thread. */
    private final List<FileChannel> rolledAway = new ArrayList<>();

    // written under lock, read by the sync thread to decide when to wake up
    private volatile int unsyncedAppends;
    private volatile boolean rolled;
    private volatile boolean closed;
    private volatile IOException failure;

    SpillWriter(Path dir, FileSpillStore.Config config, ConcurrentSkipListMap<Long, SpillSegment> segments,
                AtomicLong size, AtomicLong bytes, long firstSegmentId) throws IOException {
        this.dir = dir;
        this.config = config;
        this.segments = segments;
        this.size = size;
        this.bytes = bytes;
        openSegment(firstSegmentId);
        this.syncer = new Thread(this::syncLoop, "spill-sync-" + dir.getFileName());
        this.syncer.setDaemon(true);
    }

    void start() {
        syncer.start();
    }

    SpillSegment active() {
        lock.lock();
        try {
            return active;
        } finally {
            lock.unlock();
        }
    }

    /** Appends at the tail, or returns false when that would take the store past {@code maxBytes}. */
    boolean append(SpillFormat.Encoded record) throws IOException {
        int recordSize = record.size();
        lock.lock();
        try {
            checkUsable();
            if (bytes.get() + recordSize > config.maxBytes()) {
                return false;
            }
            if (appendEnd + recordSize > config.segmentBytes() && appendEnd > SEGMENT_HEADER_BYTES) {
                roll();
            }
            if (recordSize > buffer.remaining()) {
                drain();
            }
            buffer.put(record.head()).put(record.frame());
            appendEnd += recordSize;
            size.incrementAndGet();
            bytes.addAndGet(recordSize);
            int unsynced = unsyncedAppends + 1;
            unsyncedAppends = unsynced;
            if (unsynced == config.fsync().appends()) {
                LockSupport.unpark(syncer);
            }
            return true;
        } catch (IOException e) {
            failure = e;
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Writes the buffer to the file so that a reader sees every appended record. */
    void flush() throws IOException {
        lock.lock();
        try {
            checkUsable();
            drain();
        } catch (IOException e) {
            failure = e;
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the sync thread, then writes and forces everything. */
    void close() throws IOException {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(syncer);
        boolean interrupted = false;
        while (syncer.isAlive()) {
            try {
                syncer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        lock.lock();
        try {
            rolledAway.add(channel);
            if (failure == null) {
                drain();
            }
            forceAndClose(rolledAway);
            forceDirectory();
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void checkUsable() throws IOException {
        if (closed) {
            throw new IllegalStateException("spill store is closed");
        }
        if (failure != null) {
            throw new IOException("spill store failed earlier", failure);
        }
    }

    /** Moves to a new segment; the old one is forced and closed by the sync thread. */
    private void roll() throws IOException {
        drain();
        SpillSegment old = active;
        rolledAway.add(channel);
        openSegment(old.id + 1);
        old.sealed = true; // after the new segment is in the map: a reader that sees it sealed finds the next
        rolled = true;
        LockSupport.unpark(syncer);
    }

    private void openSegment(long id) throws IOException {
        Path path = dir.resolve(SpillFormat.segmentFileName(id));
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = SpillFormat.segmentHeader(id);
            while (header.hasRemaining()) {
                ch.write(header, header.position());
            }
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        SpillSegment segment = new SpillSegment(id, path, SEGMENT_HEADER_BYTES, false);
        segments.put(id, segment);
        active = segment;
        channel = ch;
        appendEnd = SEGMENT_HEADER_BYTES;
    }

    /** Writes the buffer at the active segment's end, then publishes the new end to readers. */
    private void drain() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        buffer.flip();
        long pos = active.end;
        while (buffer.hasRemaining()) {
            pos += channel.write(buffer, pos);
        }
        buffer.clear();
        active.end = pos;
    }

    private void syncLoop() {
        long interval = config.fsync().interval().toNanos();
        long lastSync = System.nanoTime();
        while (!closed) {
            long wait = lastSync + interval - System.nanoTime();
            if (wait > 0 && unsyncedAppends < config.fsync().appends() && !rolled) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            lastSync = System.nanoTime();
            try {
                syncOnce();
            } catch (IOException | RuntimeException e) {
                log.error("spill store {} cannot write to disk; appends will fail", dir, e);
                failure = e instanceof IOException io ? io : new IOException(e);
                return;
            }
        }
    }

    private void syncOnce() throws IOException {
        FileChannel toForce;
        List<FileChannel> toClose;
        boolean dirChanged;
        lock.lock();
        try {
            if (closed || failure != null) {
                return;
            }
            drain();
            toForce = unsyncedAppends > 0 ? channel : null;
            toClose = new ArrayList<>(rolledAway);
            rolledAway.clear();
            dirChanged = rolled;
            unsyncedAppends = 0;
            rolled = false;
        } finally {
            lock.unlock();
        }
        // only this thread closes channels, so toForce stays open even if a roll retires it meanwhile
        forceAndClose(toClose);
        if (dirChanged) {
            forceDirectory();
        }
        if (toForce != null) {
            toForce.force(false);
        }
    }

    private static void forceAndClose(List<FileChannel> channels) throws IOException {
        IOException first = null;
        for (FileChannel ch : channels) {
            try (ch) {
                ch.force(false);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        channels.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Makes new and deleted segment files durable; best effort, not every platform can open a directory. */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            log.debug("cannot force directory {}", dir, e);
        }
    }
}
