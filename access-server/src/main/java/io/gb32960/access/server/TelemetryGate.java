package io.gb32960.access.server;

import io.gb32960.access.session.Connection;
import io.gb32960.access.telemetry.SpilledFrame;
import io.gb32960.access.telemetry.TelemetryPipeline;
import io.gb32960.protocol.frame.FrameHeader;
import io.netty.channel.Channel;

import java.util.ArrayDeque;

/**
 * Between a connection and the {@link TelemetryPipeline}: a frame the pipeline cannot take yet is
 * kept in the connection's pending queue and the connection stops being read (back-pressure)
 * until the pipeline has room. Accepted frames are never dropped, also when the connection closes.
 */
public final class TelemetryGate {

    private final TelemetryPipeline pipeline;

    public TelemetryGate(TelemetryPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** On the connection's event loop. */
    public void accept(Connection c, FrameHeader h, byte[] frame) {
        SpilledFrame f = new SpilledFrame(h.vin(), h.command(), h.edition().label(), System.currentTimeMillis(), frame);
        ArrayDeque<SpilledFrame> pending = c.pending();
        if (pending.isEmpty() && pipeline.offer(f)) {
            return;
        }
        pending.addLast(f);
        if (pending.size() == 1) {
            Channel ch = c.channel();
            ch.config().setAutoRead(false);
            pipeline.whenRoom(() -> ch.eventLoop().execute(() -> resume(c)));
        }
    }

    private void resume(Connection c) {
        ArrayDeque<SpilledFrame> pending = c.pending();
        while (!pending.isEmpty() && pipeline.offer(pending.peekFirst())) {
            pending.pollFirst();
        }
        if (pending.isEmpty()) {
            c.channel().config().setAutoRead(true);
        } else {
            Channel ch = c.channel();
            pipeline.whenRoom(() -> ch.eventLoop().execute(() -> resume(c)));
        }
    }

    /** The connection closed: its pending frames still go out (to Kafka, or the spill first). */
    public void connectionClosed(Connection c) {
        if (!c.pending().isEmpty()) {
            pipeline.acceptLeftovers(c.pending());
            c.pending().clear();
        }
    }
}
