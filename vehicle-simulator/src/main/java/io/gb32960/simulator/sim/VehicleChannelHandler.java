package io.gb32960.simulator.sim;

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
 * and received frame headers to its {@link SimulatedVehicle}. Responses are not decoded beyond the
 * header: command and flag are all a terminal needs from them.
 */
final class VehicleChannelHandler extends ChannelInboundHandlerAdapter {

    private final SimulatedVehicle vehicle;
    private final SimulationStats stats;

    private VehicleChannelHandler(SimulatedVehicle vehicle, SimulationStats stats) {
        this.vehicle = vehicle;
        this.stats = stats;
    }

    static ChannelInitializer<Channel> initializer(SimulatedVehicle vehicle, SimulationStats stats) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast("frame", new Gb32960FrameDecoder())
                        .addLast("vehicle", new VehicleChannelHandler(vehicle, stats));
            }
        };
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        vehicle.onActive(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Gb32960Frame frame) {
            try {
                vehicle.onFrame(frame.header(), frame.content().readableBytes());
            } finally {
                frame.release();
            }
        } else if (msg instanceof FrameFailure failure) {
            stats.error(stats.badFrames, "bad frame for " + vehicle.identity().vin() + ": " + failure.error()
                    + " " + failure.hexHead(), null);
        } else {
            ReferenceCountUtil.release(msg);
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
