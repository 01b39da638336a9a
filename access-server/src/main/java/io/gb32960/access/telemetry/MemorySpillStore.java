package io.gb32960.access.telemetry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded, non-durable {@link SpillStore} for nodes configured without a spill file: it holds
 * what Kafka refused until it comes back; when full, the pipeline applies back-pressure.
 */
public final class MemorySpillStore implements SpillStore {

    private final ArrayDeque<SpilledFrame> frames = new ArrayDeque<>();
    private final int maxFrames;
    private long bytes;

    public MemorySpillStore(int maxFrames) {
        this.maxFrames = maxFrames;
    }

    @Override
    public synchronized boolean append(SpilledFrame frame) {
        if (frames.size() >= maxFrames) {
            return false;
        }
        frames.addLast(frame);
        bytes += frame.frame().length;
        return true;
    }

    @Override
    public synchronized List<SpilledFrame> peek(int max) {
        List<SpilledFrame> out = new ArrayList<>(Math.min(max, frames.size()));
        for (SpilledFrame f : frames) {
            if (out.size() == max) {
                break;
            }
            out.add(f);
        }
        return out;
    }

    @Override
    public synchronized void remove(int count) {
        for (int i = 0; i < count && !frames.isEmpty(); i++) {
            bytes -= frames.removeFirst().frame().length;
        }
    }

    @Override
    public synchronized long size() {
        return frames.size();
    }

    @Override
    public synchronized long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        // nothing to release: the frames go with the process, which is why the file store is the default
    }
}
