package io.gb32960.access.server;

import io.gb32960.access.login.VehicleLogins;
import io.gb32960.access.session.Connection;
import io.gb32960.access.session.LocalSessions;
import io.gb32960.platform.common.event.VehicleEvent.OfflineReason;
import io.gb32960.protocol.netty.Gb32960FrameDecoder;
import io.gb32960.protocol.netty.Gb32960MessageEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The access listener: a Netty server (epoll on Linux, NIO elsewhere) started and stopped with
 * the application. Shutdown stops accepting, then closes every connection with an offline event
 * (reason: server shutdown) and releases its Redis session and route.
 */
public final class NettyAccessServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NettyAccessServer.class);
    /** Lifecycle phase: late, so the rest of the node is ready when terminals can connect. */
    public static final int PHASE = Integer.MAX_VALUE - 1000;

    private final AccessServerProperties props;
    private final FrameHandler frameHandler;
    private final Gb32960MessageEncoder encoder;
    private final LocalSessions sessions;
    private final VehicleLogins vehicleLogins;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;
    private volatile boolean running;

    public NettyAccessServer(AccessServerProperties props, FrameHandler frameHandler, Gb32960MessageEncoder encoder,
                             LocalSessions sessions, VehicleLogins vehicleLogins) {
        this.props = props;
        this.frameHandler = frameHandler;
        this.encoder = encoder;
        this.sessions = sessions;
        this.vehicleLogins = vehicleLogins;
    }

    @Override
    public void start() {
        boolean epoll = Transports.epoll();
        IoHandlerFactory io = Transports.ioHandlers();
        boss = new MultiThreadIoEventLoopGroup(1, io);
        workers = new MultiThreadIoEventLoopGroup(props.workerThreads(), io);
        long idleMillis = props.idleTimeout().toMillis();
        ServerBootstrap bootstrap = Transports.serverBootstrap(boss, workers)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(8 * 1024, 32 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                                .addLast("frame", new Gb32960FrameDecoder())
                                .addLast("encoder", encoder)
                                .addLast("dispatch", frameHandler);
                    }
                });
        serverChannel = bootstrap.bind(props.host(), props.port()).syncUninterruptibly().channel();
        running = true;
        log.info("GB/T 32960 access listener on {} ({})", serverChannel.localAddress(), epoll ? "epoll" : "nio");
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void stop() {
        running = false;
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        List<io.netty.util.concurrent.Future<?>> closing = new ArrayList<>();
        for (Connection c : sessions.all()) {
            closing.add(c.channel().eventLoop().submit(() -> {
                vehicleLogins.offline(c, OfflineReason.SERVER_SHUTDOWN);
                c.channel().close();
            }));
        }
        closing.forEach(f -> f.awaitUninterruptibly(5, TimeUnit.SECONDS));
        if (workers != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
        log.info("access listener stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
