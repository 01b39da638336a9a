package io.gb32960.access.dispatch;

import io.gb32960.access.server.AccessServerProperties;
import io.gb32960.access.server.Transports;
import io.gb32960.protocol.netty.Gb32960FrameDecoder;
import io.gb32960.protocol.netty.Gb32960MessageEncoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The dispatch listener (short connections behind the SLB), when {@code dispatch.enabled}. */
public final class DispatchServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchServer.class);

    private final AccessServerProperties props;
    private final DispatchHandler handler;
    private final Gb32960MessageEncoder encoder;
    private EventLoopGroup group;
    private Channel serverChannel;
    private volatile boolean running;

    public DispatchServer(AccessServerProperties props, DispatchHandler handler, Gb32960MessageEncoder encoder) {
        this.props = props;
        this.handler = handler;
        this.encoder = encoder;
    }

    @Override
    public void start() {
        group = new MultiThreadIoEventLoopGroup(2, Transports.ioHandlers());
        long idleMillis = props.dispatch().idleTimeout().toMillis();
        serverChannel = Transports.serverBootstrap(group, group)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (props.dispatch().proxyProtocol()) {
                            ch.pipeline().addLast("proxy-guard", new ProxyHeaderGuard())
                                    .addLast("proxy", new HAProxyMessageDecoder())
                                    .addLast("proxied-address", new ProxiedAddress());
                        }
                        ch.pipeline().addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                                .addLast("frame", new Gb32960FrameDecoder())
                                .addLast("encoder", encoder)
                                .addLast("dispatch", handler);
                    }
                })
                .bind(props.host(), props.dispatch().port()).syncUninterruptibly().channel();
        running = true;
        log.info("GB/T 32960 dispatch listener on {}", serverChannel.localAddress());
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void stop() {
        running = false;
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
