package io.gb32960.access.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/** Epoll on Linux, NIO elsewhere, for every listener of the node. */
public final class Transports {

    private Transports() {
    }

    public static boolean epoll() {
        return Epoll.isAvailable();
    }

    public static IoHandlerFactory ioHandlers() {
        return epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    public static Class<? extends ServerChannel> serverChannel() {
        return epoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /**
     * A listener's bootstrap with the options every listener of the node needs. {@code SO_REUSEADDR}
     * (the epoll default, not every transport's) lets a restarted node bind its port while
     * connections it closed (every dispatch connection, kicks, idle terminals) are still in
     * TIME_WAIT on it.
     */
    public static ServerBootstrap serverBootstrap(EventLoopGroup boss, EventLoopGroup workers) {
        return new ServerBootstrap()
                .group(boss, workers)
                .channel(serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true);
    }
}
