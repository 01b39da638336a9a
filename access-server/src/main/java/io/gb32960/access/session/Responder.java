package io.gb32960.access.session;

import io.gb32960.protocol.codec.Gb32960Responses;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.wire.DataTime;
import io.netty.channel.ChannelFutureListener;

import java.time.Clock;

/** Writes responses to a connection, in the style of its terminal profile, with GMT+8 time. */
public final class Responder {

    private final Clock clock;

    public Responder(Clock clock) {
        this.clock = clock;
    }

    public DataTime now() {
        return DataTime.of(clock.instant());
    }

    /** Answers {@code request} with {@code flag}. */
    public void respond(Connection c, Gb32960Message request, int flag) {
        c.channel().writeAndFlush(Gb32960Responses.respond(request, flag, now(), c.profile().responseStyle()),
                c.channel().voidPromise());
    }

    /** A time-only answer carrying the platform clock (heartbeat, time calibration, errors before decoding). */
    public void respondWithTime(Connection c, FrameHeader request, int flag) {
        c.channel().writeAndFlush(Gb32960Responses.timeOnly(request, flag, now()), c.channel().voidPromise());
    }

    /** Answers and closes the connection once the answer is written. */
    public void respondAndClose(Connection c, Gb32960Message request, int flag) {
        c.channel().writeAndFlush(Gb32960Responses.respond(request, flag, now(), c.profile().responseStyle()))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
