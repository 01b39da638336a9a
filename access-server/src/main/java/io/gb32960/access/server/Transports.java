package io.gb32960.access.server;

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
}
