package io.gb32960.simulator.sim;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** The socket transport of the client event loops: native epoll on Linux, NIO elsewhere. */
public enum Transport {
    /** Epoll when the native library loads, else NIO. */
    AUTO,
    EPOLL,
    NIO;

    /** The transport actually used: AUTO resolved. */
    public Transport resolve() {
        if (this == AUTO) {
            return Epoll.isAvailable() ? EPOLL : NIO;
        }
        if (this == EPOLL && !Epoll.isAvailable()) {
            throw new IllegalArgumentException("epoll is not available here: " + Epoll.unavailabilityCause());
        }
        return this;
    }

    IoHandlerFactory ioHandlerFactory() {
        return resolve() == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    Class<? extends SocketChannel> channelClass() {
        return resolve() == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
