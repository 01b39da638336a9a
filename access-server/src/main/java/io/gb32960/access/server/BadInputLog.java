package io.gb32960.access.server;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.wire.Hex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs bad input with its hex at most once per second per node, saying how many were suppressed:
 * a client flooding garbage must not flood the log.
 */
final class BadInputLog {

    private static final Logger log = LoggerFactory.getLogger(BadInputLog.class);
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final AtomicLong nextLogAt = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    void log(String remote, DecodeError error, String detail, byte[] bytes) {
        long now = System.nanoTime();
        long next = nextLogAt.get();
        if (now - next < 0 || !nextLogAt.compareAndSet(next, now + INTERVAL_NANOS)) {
            suppressed.incrementAndGet();
            return;
        }
        String hex = Hex.encode(bytes, 0, Math.min(bytes.length, 128));
        log.warn("bad input from {}: {} ({}); hex {}{} [{} more since the last report]", remote, error, detail, hex,
                bytes.length > 128 ? "..." : "", suppressed.getAndSet(0));
    }
}
