package io.gb32960.simulator.sim;

import io.gb32960.platform.common.cluster.Assignment;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.codec.Gb32960Responses;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.netty.Gb32960Frame;
import io.gb32960.protocol.netty.Gb32960FrameDecoder;
import io.gb32960.protocol.netty.Gb32960MessageEncoder;
import io.gb32960.protocol.wire.DataTime;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ReferenceCountUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dispatch listener for tests (docs/protocol-extensions.md): answers a platform login 0x05 with
 * the right account and password with 0x05 success and an assignment 0xC0 to {@link #target}
 * carrying a fresh token it remembers, then closes; otherwise 0x05 with flag 0x02. Tokens are
 * one-time ({@link #consume}).
 */
public final class FakeDispatcher implements AutoCloseable {

    public static final String ACCOUNT = "fleet01";
    public static final String PASSWORD = "secret-pw";

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Gb32960Decoder decoder = Gb32960Decoder.uplink();
    private final Gb32960MessageEncoder encoder = new Gb32960MessageEncoder(Gb32960Encoder.plain());
    private final Map<String, Set<String>> issued = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> logins = new ConcurrentHashMap<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Channel server;

    /** The node assignments point at. */
    public volatile FakePlatform target;
    /** Refuse each VIN's first this many platform logins (flag 0x02). */
    public volatile int refuseFirst;

    public FakeDispatcher(FakePlatform target) throws InterruptedException {
        this.target = target;
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new Gb32960FrameDecoder(), encoder, new Listener());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The dispatch configuration of a simulation against this dispatcher. */
    public SimulationConfig.Dispatch config() {
        return new SimulationConfig.Dispatch("127.0.0.1", port(), ACCOUNT, PASSWORD);
    }

    /** Whether {@code token} was issued for {@code vin} and not used yet; uses it. */
    public boolean consume(String vin, String token) {
        Set<String> tokens = issued.get(vin);
        return token != null && tokens != null && tokens.remove(token);
    }

    /** Platform logins received from {@code vin}. */
    public int logins(String vin) {
        AtomicInteger n = logins.get(vin);
        return n == null ? 0 : n.get();
    }

    public int refusals() {
        return refusals.get();
    }

    /** Frames that did not decode or were not platform logins. */
    public java.util.List<String> failures() {
        return java.util.List.copyOf(failures);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Listener extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof Gb32960Frame frame)) {
                failures.add(String.valueOf(msg));
                ReferenceCountUtil.release(msg);
                return;
            }
            Gb32960Message m;
            try {
                m = decoder.decode(frame.content());
            } catch (Gb32960DecodeException e) {
                failures.add(e.toString());
                return;
            } finally {
                frame.release();
            }
            if (!(m instanceof PlatformLogin login)) {
                failures.add("not a platform login: " + m);
                return;
            }
            String vin = login.header().vin();
            int n = logins.computeIfAbsent(vin, k -> new AtomicInteger()).incrementAndGet();
            DataTime now = DataTime.of(Instant.now());
            boolean ok = n > refuseFirst && ACCOUNT.equals(login.username().text())
                    && PASSWORD.equals(login.password().text());
            if (!ok) {
                refusals.incrementAndGet();
                ctx.writeAndFlush(Gb32960Responses.respond(m, ResponseFlag.ERROR, now, ResponseStyle.TIME_ONLY))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            String token = UUID.randomUUID().toString().replace("-", "");
            issued.computeIfAbsent(vin, k -> ConcurrentHashMap.newKeySet()).add(token);
            ctx.write(Gb32960Responses.respond(m, ResponseFlag.SUCCESS, now, ResponseStyle.TIME_ONLY));
            ctx.writeAndFlush(new Assignment(now, "127.0.0.1", target.port(), token)
                    .toMessage(login.header().edition(), vin)).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!(cause instanceof java.io.IOException)) {
                failures.add(cause.toString());
            }
            ctx.close();
        }
    }
}
