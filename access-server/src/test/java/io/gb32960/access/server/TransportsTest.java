package io.gb32960.access.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The listeners' shared bootstrap. */
class TransportsTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, Transports.ioHandlers());

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The server closes first, so its side of the connection sits in TIME_WAIT on the listening port. */
    @Test
    void aListenerBindsItsPortAgainWhileConnectionsItClosedAreInTimeWait() throws Exception {
        Channel first = bindClosingEveryConnection(0);
        int port = ((InetSocketAddress) first.localAddress()).getPort();
        for (int i = 0; i < 3; i++) {
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                 InputStream in = client.getInputStream()) {
                client.setSoTimeout(5000);
                assertThat(in.read()).isEqualTo('x');
                assertThat(in.read()).as("closed by the server").isEqualTo(-1);
            }
        }
        first.close().syncUninterruptibly();

        Channel again = bindClosingEveryConnection(port);

        assertThat(((InetSocketAddress) again.localAddress()).getPort()).isEqualTo(port);
        again.close().syncUninterruptibly();
    }

    private Channel bindClosingEveryConnection(int port) {
        return Transports.serverBootstrap(group, group)
                .childHandler(new AnswerAndClose())
                .bind(InetAddress.getLoopbackAddress(), port).syncUninterruptibly().channel();
    }

    @ChannelHandler.Sharable
    private static final class AnswerAndClose extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[]{'x'})).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
