package io.gb32960.simulator.sim;

import io.gb32960.platform.common.cluster.Assignment;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.codec.Gb32960Responses;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Heartbeat;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.TimeCalibration;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.netty.FrameFailure;
import io.gb32960.protocol.netty.Gb32960Frame;
import io.gb32960.protocol.netty.Gb32960FrameDecoder;
import io.gb32960.protocol.netty.Gb32960MessageEncoder;
import io.gb32960.protocol.wire.DataTime;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A minimal platform for tests: a Netty server on an ephemeral loopback port that frames and
 * decodes everything it receives ({@link Gb32960Decoder#uplink()}), records it, and answers login,
 * heartbeat and time calibration with {@link Gb32960Responses} (time-only). Knobs let a test stop
 * answering logins, reject them, or close each vehicle's first connection after some realtime frames.
 */
public final class FakePlatform implements AutoCloseable {

    /** One received frame, in arrival order. */
    public record Received(String vin, Gb32960Message message, long atNanos, int connection) {
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Gb32960Decoder decoder = Gb32960Decoder.uplink();
    private final Gb32960MessageEncoder encoder = new Gb32960MessageEncoder(Gb32960Encoder.plain());
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private final Set<String> closedOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failureReasons = new ConcurrentLinkedQueue<>();
    private final Channel server;

    /** When false, logins get no answer at all. */
    public volatile boolean answerLogins = true;
    /** The flag of login answers. */
    public volatile int loginFlag = ResponseFlag.SUCCESS;
    /** When positive: close each VIN's first connection after this many realtime frames on it. */
    public volatile int closeFirstConnectionAfter;
    /**
     * When set, this platform is an access node that requires a session token: a login must carry
     * (in its extension) a token this dispatcher issued for the VIN, used once; otherwise it is
     * answered 0x02 and the connection closed.
     */
    public volatile FakeDispatcher tokens;
    private final AtomicInteger tokenRefusals = new AtomicInteger();
    /** The connection of each VIN's last successful login. */
    private final Map<String, Channel> sessions = new ConcurrentHashMap<>();

    public FakePlatform() throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        open.add(ch);
                        ch.closeFuture().addListener(f -> open.remove(ch));
                        ch.pipeline().addLast(new Gb32960FrameDecoder(), encoder,
                                new Connection(connections.incrementAndGet()));
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    /** Logins refused for a missing, unknown or reused token. */
    public int tokenRefusals() {
        return tokenRefusals.get();
    }

    /** Sends {@code message} (a downlink command) on the connection of the VIN's last login. */
    public void send(String vin, Gb32960Message message) {
        Channel ch = sessions.get(vin);
        if (ch == null) {
            throw new IllegalStateException(vin + " is not logged in");
        }
        ch.writeAndFlush(message).syncUninterruptibly();
    }

    /** Stops listening and closes every connection: a node that went away. */
    public void stopNode() {
        server.close().syncUninterruptibly();
        for (Channel ch : open) {
            ch.close().syncUninterruptibly();
        }
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    public List<Received> of(String vin) {
        return received.stream().filter(r -> r.vin().equals(vin)).toList();
    }

    public <T extends Gb32960Message> List<T> messages(String vin, Class<T> kind) {
        return of(vin).stream().map(Received::message).filter(kind::isInstance).map(kind::cast).toList();
    }

    public long count(Class<? extends Gb32960Message> kind) {
        return received.stream().filter(r -> kind.isInstance(r.message())).count();
    }

    public long realtimeCount() {
        return received.stream().filter(r -> r.message() instanceof TelemetryReport t && !t.reissue()).count();
    }

    public Set<String> vins() {
        return received.stream().map(Received::vin).collect(Collectors.toSet());
    }

    public int openConnections() {
        return open.size();
    }

    /** Why frames did not decode. */
    public List<String> failureReasons() {
        return List.copyOf(failureReasons);
    }

    /** Frames that did not frame or decode. */
    public int failures() {
        return failures.get();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Connection extends ChannelInboundHandlerAdapter {

        private final int number;
        private int realtime;

        Connection(int number) {
            this.number = number;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FrameFailure f) {
                failures.incrementAndGet();
                failureReasons.add(f.toString());
                return;
            }
            if (!(msg instanceof Gb32960Frame frame)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            Gb32960Message m;
            try {
                m = decoder.decode(frame.content());
            } catch (Gb32960DecodeException e) {
                failures.incrementAndGet();
                failureReasons.add(e.error() + ": " + e.getMessage() + " in "
                        + io.netty.buffer.ByteBufUtil.hexDump(frame.content()));
                return;
            } finally {
                frame.release();
            }
            String vin = m.header().vin();
            received.add(new Received(vin, m, System.nanoTime(), number));
            DataTime now = DataTime.of(Instant.now());
            if (m instanceof VehicleLogin login) {
                FakeDispatcher dispatcher = tokens;
                if (dispatcher != null && !dispatcher.consume(vin, Assignment.tokenOf(login.extension()))) {
                    tokenRefusals.incrementAndGet();
                    ctx.writeAndFlush(Gb32960Responses.respond(m, ResponseFlag.ERROR, now, ResponseStyle.TIME_ONLY))
                            .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
                    return;
                }
                if (answerLogins) {
                    ctx.writeAndFlush(Gb32960Responses.respond(m, loginFlag, now, ResponseStyle.TIME_ONLY));
                    if (loginFlag == ResponseFlag.SUCCESS) {
                        sessions.put(vin, ctx.channel());
                    }
                }
            } else if (m instanceof Heartbeat || m instanceof TimeCalibration) {
                ctx.writeAndFlush(Gb32960Responses.respond(m, ResponseFlag.SUCCESS, now, ResponseStyle.TIME_ONLY));
            } else if (m instanceof TelemetryReport t && !t.reissue()) {
                realtime++;
                int limit = closeFirstConnectionAfter;
                if (limit > 0 && realtime == limit && closedOnce.add(vin)) {
                    ctx.close();
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a reset by a terminal that closes with responses still unread is not a protocol failure
            if (!(cause instanceof java.io.IOException)) {
                failures.incrementAndGet();
                failureReasons.add(cause.toString());
            }
            ctx.close();
        }
    }
}
