package io.gb32960.benchmarks.load;

import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.netty.Gb32960Frame;
import io.gb32960.protocol.netty.Gb32960FrameDecoder;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;
import io.gb32960.simulator.sim.VehicleIdentity;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Terminals that log in over connections opened beforehand, so that what is measured is the
 * node's login path (decode, registry read from Redis, session write to Redis, events, answer),
 * not TCP connection setup. Each login uses a VIN never used before in the run, so the node's
 * registry cache cannot answer it: every login reads Redis. A connection that is logged in sends
 * the login of its next VIN; the node moves the connection to that VIN (docs/access-server.md).
 * <ul>
 *   <li>closed loop ({@code rate == 0}): each connection sends its next login as soon as the
 *   previous one is answered, so {@code connections} logins are always in flight: the node's
 *   maximum rate;</li>
 *   <li>open loop ({@code rate > 0}): logins start at that rate on idle connections, whatever the
 *   answers do; a login due while no connection is idle is counted as missed.</li>
 * </ul>
 */
final class LoginDriver implements AutoCloseable {

    private static final SubsystemCodes NO_CODES = new SubsystemCodes(1, 0, List.of());

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final Gb32960Encoder encoder = Gb32960Encoder.plain();
    private final IntFunction<String> vinOf;
    private final int vinCount;
    private final AtomicInteger nextVin = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final ConcurrentLinkedQueue<Terminal> idle = new ConcurrentLinkedQueue<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final LongAdder missed = new LongAdder();
    private final LatencyWindow latency = new LatencyWindow();
    private volatile boolean running;
    private volatile boolean exhausted;
    private volatile boolean paced;
    private ScheduledFuture<?> pacer;

    LoginDriver(String host, int port, int threads, IntFunction<String> vinOf, int vinCount) {
        boolean epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("login-driver", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .remoteAddress(new InetSocketAddress(host, port))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
        this.vinOf = vinOf;
        this.vinCount = vinCount;
    }

    /**
     * Opens {@code n} connections, {@code perSecond} at a time each second (below the accept
     * backlog), and waits until all are open.
     *
     * @return the connections open
     */
    int connect(int n, int perSecond, Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        int batch = Math.max(1, perSecond / 100);
        for (int i = 0; i < n; i += batch) {
            for (int j = i; j < Math.min(n, i + batch); j++) {
                Terminal t = new Terminal();
                bootstrap.clone().handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("frame", new Gb32960FrameDecoder()).addLast("terminal", t);
                    }
                }).connect().addListener((ChannelFuture f) -> {
                    if (!f.isSuccess()) {
                        connectFailures.increment();
                    }
                });
            }
            long due = started + (long) ((i + batch) * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (active.get() + connectFailures.intValue() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return active.get();
    }

    /** Starts logging in: closed loop when {@code rate} is 0, else open loop at {@code rate} logins/s. */
    void start(double rate) {
        running = true;
        if (rate <= 0) {
            Terminal t;
            while ((t = idle.poll()) != null) {
                Terminal x = t;
                x.channel.eventLoop().execute(() -> x.sendNext());
            }
            return;
        }
        paced = true;
        long begin = System.nanoTime();
        long[] issued = {0};
        pacer = group.next().scheduleAtFixedRate(() -> {
            long due = (long) ((System.nanoTime() - begin) / 1e9 * rate);
            while (issued[0] < due && running) {
                issued[0]++;
                Terminal t = idle.poll();
                if (t == null) {
                    missed.increment();
                } else {
                    t.channel.eventLoop().execute(t::sendNext);
                }
            }
        }, 1, 1, TimeUnit.MILLISECONDS);
    }

    /** Send-to-answer latency; reset it at the start of the measurement window. */
    LatencyWindow latency() {
        return latency;
    }

    long sent() {
        return sent.sum();
    }

    long succeeded() {
        return succeeded.sum();
    }

    long refused() {
        return refused.sum();
    }

    long closed() {
        return closed.sum();
    }

    long connectFailures() {
        return connectFailures.sum();
    }

    long missed() {
        return missed.sum();
    }

    int active() {
        return active.get();
    }

    /** True once every VIN of the pool was used (the run then stops sending). */
    boolean exhausted() {
        return exhausted;
    }

    int vinsUsed() {
        return Math.min(nextVin.get(), vinCount);
    }

    /** Stops sending logins, waits up to {@code grace} for answers in flight. */
    void stop(Duration grace) throws InterruptedException {
        running = false;
        if (pacer != null) {
            pacer.cancel(false);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (sent.sum() > succeeded.sum() + refused.sum() + closed.sum() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        running = false;
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(15, TimeUnit.SECONDS);
    }

    /** One connection; its fields are touched only on its event loop (and {@code channel} once before). */
    private final class Terminal extends ChannelInboundHandlerAdapter {

        private volatile Channel channel;
        private long sentAt;
        private int serial;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channel = ctx.channel();
            active.incrementAndGet();
            if (running) {
                sendNext();
            } else {
                idle.add(this);
            }
            ctx.fireChannelActive();
        }

        void sendNext() {
            if (!running || !channel.isActive()) {
                return;
            }
            int i = nextVin.getAndIncrement();
            if (i >= vinCount) {
                exhausted = true;
                return;
            }
            String vin = vinOf.apply(i);
            serial = serial >= 65_531 ? 1 : serial + 1;
            VehicleLogin login = new VehicleLogin(FrameHeader.command(Edition.V2016, CommandId.VEHICLE_LOGIN.id(), vin),
                    DataTime.of(Instant.now()), serial,
                    FixedString.of(VehicleIdentity.derivedIccid(vin), VehicleLogin.ICCID_LENGTH), NO_CODES, Bytes.EMPTY);
            byte[] frame = encoder.encode(login);
            sentAt = System.nanoTime();
            sent.increment();
            channel.writeAndFlush(Unpooled.wrappedBuffer(frame), channel.voidPromise());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof Gb32960Frame frame && frame.header().command() == CommandId.VEHICLE_LOGIN.id()
                        && sentAt != 0) {
                    latency.recordNanos(System.nanoTime() - sentAt);
                    sentAt = 0;
                    if (frame.header().responseFlag() == ResponseFlag.SUCCESS) {
                        succeeded.increment();
                    } else {
                        refused.increment();
                    }
                    if (running) {
                        if (!paced) {
                            sendNext();
                        } else {
                            idle.add(this);
                        }
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            active.decrementAndGet();
            if (sentAt != 0) {
                closed.increment();
                sentAt = 0;
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
