package io.gb32960.access.server;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code gb32960.frames.in{command,edition}} counters, built once: looking a tagged counter up in
 * the registry on every frame would cost an allocation and a hash lookup on the hot path.
 */
final class FrameCounters {

    private final Counter[][] counters = new Counter[Edition.values().length][256];
    private final MeterRegistry meters;

    FrameCounters(MeterRegistry meters) {
        this.meters = meters;
        for (Edition e : Edition.values()) {
            for (CommandId c : CommandId.values()) {
                counters[e.ordinal()][c.id()] = counter(c.jsonName(), e);
            }
        }
    }

    private Counter counter(String command, Edition e) {
        return Counter.builder("gb32960.frames.in").tag("command", command).tag("edition", e.label()).register(meters);
    }

    void increment(Edition edition, int command) {
        Counter c = counters[edition.ordinal()][command];
        if (c == null) {
            c = counter(CommandId.nameOf(command), edition); // platform-custom or unknown: rare, registered on demand
            counters[edition.ordinal()][command] = c;
        }
        c.increment();
    }
}
