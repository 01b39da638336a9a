package io.gb32960.access.cluster;

import java.util.concurrent.atomic.LongAdder;

/**
 * Vehicles that arrived here with a dispatch token since the node last published its stats: the
 * publisher takes them off the node's in-flight counter together with the stats that count them.
 */
public final class AssignedArrivals {

    private final LongAdder arrived = new LongAdder();

    public void arrived() {
        arrived.increment();
    }

    /** The arrivals since the last call. */
    public long drain() {
        return arrived.sumThenReset();
    }
}
