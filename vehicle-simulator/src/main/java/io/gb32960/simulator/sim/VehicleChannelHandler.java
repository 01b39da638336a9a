package io.gb32960.simulator.sim;

import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.netty.FrameFailure;
import io.gb32960.protocol.netty.Gb32960Frame;
import io.gb32960.protocol.netty.Gb32960FrameDecoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.util.ReferenceCountUtil;

/**
 * The end of a vehicle's pipeline ({@link Gb32960FrameDecoder}, then this): hands channel events
 * and received frames to its {@link SimulatedVehicle}. Responses are not decoded beyond the header:
 * command and flag are all a terminal needs from them. Commands 0x80-0x82 and platform-custom
 * frames 0xC0-0xFE (the assignment) are decoded whole with the downlink decoder.
 */
final class VehicleChannelHandler extends ChannelInboundHandlerAdapter {

    private final SimulatedVehicle vehicle;
    private final SimulationStats stats;
    private final Gb32960Decoder decoder;
    private final Gb32960Decoder textUpgradeDecoder;

    private VehicleChannelHandler(SimulatedVehicle vehicle, Simulation sim) {
        this.vehicle = vehicle;
        this.stats = sim.stats();
        this.decoder = sim.decoder();
        this.textUpgradeDecoder = sim.textUpgradeDecoder();
    }

    static ChannelInitializer<Channel> initializer(SimulatedVehicle vehicle, Simulation sim) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast("frame", new Gb32960FrameDecoder())
                        .addLast("vehicle", new VehicleChannelHandler(vehicle, sim));
            }
        };
    }

    private static boolean decodedWhole(FrameHeader h) {
        int c = h.command();
        return CommandId.isPlatformCustom(c) || h.isCommand() && c >= CommandId.QUERY.id()
                && c <= CommandId.TERMINAL_CONTROL.id();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        vehicle.onActive(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Gb32960Frame frame) {
            Gb32960Message message = null;
            FrameHeader h = frame.header();
            int length = frame.content().readableBytes();
            try {
                if (decodedWhole(h)) {
                    message = decode(h, frame);
                }
            } catch (Gb32960DecodeException e) {
                stats.error(stats.badFrames, "bad " + h.commandName() + " frame for " + vehicle.identity().vin()
                        + ": " + e.error() + " " + e.getMessage(), null);
                frame.release();
                return;
            }
            frame.release();
            vehicle.onFrame(ctx.channel(), h, length, message);
        } else if (msg instanceof FrameFailure failure) {
            stats.error(stats.badFrames, "bad frame for " + vehicle.identity().vin() + ": " + failure.error()
                    + " " + failure.hexHead(), null);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    /** The default profile first; a control 0x82 it rejects may be a remote upgrade in the text layout. */
    private Gb32960Message decode(FrameHeader h, Gb32960Frame frame) {
        int index = frame.content().readerIndex();
        try {
            return decoder.decode(frame.content());
        } catch (Gb32960DecodeException e) {
            if (h.command() != CommandId.TERMINAL_CONTROL.id()) {
                throw e;
            }
            frame.content().readerIndex(index);
            try {
                return textUpgradeDecoder.decode(frame.content());
            } catch (Gb32960DecodeException again) {
                throw e;
            }
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        vehicle.onWritable();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        vehicle.onInactive(ctx.channel());
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        stats.error(stats.channelErrors, "channel of " + vehicle.identity().vin(), cause);
        ctx.close();
    }
}
