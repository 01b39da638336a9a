package io.gb32960.access.session;

import io.gb32960.platform.common.command.CommandEnvelope;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.wire.DataTime;

import java.util.concurrent.ScheduledFuture;

/** A downlink command written to a connection and waiting for the terminal's answer; event loop only. */
public final class PendingCommand {

    private final CommandEnvelope envelope;
    private final Gb32960Message message;
    private final DataTime time;
    private final long sentNanos = System.nanoTime();
    private int resends;
    private ScheduledFuture<?> resend;
    private ScheduledFuture<?> timeout;

    public PendingCommand(CommandEnvelope envelope, Gb32960Message message, DataTime time) {
        this.envelope = envelope;
        this.message = message;
        this.time = time;
    }

    public CommandEnvelope envelope() {
        return envelope;
    }

    public Gb32960Message message() {
        return message;
    }

    public int commandId() {
        return message.header().command();
    }

    public DataTime time() {
        return time;
    }

    public long sentNanos() {
        return sentNanos;
    }

    public int resends() {
        return resends;
    }

    public void resent() {
        resends++;
    }

    public void timers(ScheduledFuture<?> resend, ScheduledFuture<?> timeout) {
        this.resend = resend;
        this.timeout = timeout;
    }

    public void cancelTimers() {
        if (resend != null) {
            resend.cancel(false);
        }
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
