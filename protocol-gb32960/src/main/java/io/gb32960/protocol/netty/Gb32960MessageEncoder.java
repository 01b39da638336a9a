package io.gb32960.protocol.netty;

import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.message.Gb32960Message;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes {@link Gb32960Message}s as frames (length and BCC computed). Stateless: share one instance. */
@ChannelHandler.Sharable
public final class Gb32960MessageEncoder extends MessageToByteEncoder<Gb32960Message> {

    private final Gb32960Encoder encoder;

    public Gb32960MessageEncoder(Gb32960Encoder encoder) {
        super(Gb32960Message.class);
        this.encoder = encoder;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Gb32960Message msg, ByteBuf out) {
        encoder.encode(msg, out);
    }
}
