package io.gb32960.access.dispatch;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProtocolException;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;

/**
 * Behind a load balancer speaking the PROXY protocol (nginx {@code proxy_protocol on}, HAProxy
 * {@code send-proxy}), the TCP peer is the balancer: the real client address comes in the PROXY
 * header, which this handler reads once (after {@code HAProxyMessageDecoder}) and keeps on the
 * channel for rate limits and logs. A connection without a valid header is closed.
 */
public final class ProxiedAddress extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ProxiedAddress.class);
    static final AttributeKey<String> CLIENT = AttributeKey.valueOf("gb32960.client-address");

    /** The client's address: from the PROXY header when there was one, else the TCP peer's. */
    public static String of(Channel ch) {
        String proxied = ch.attr(CLIENT).get();
        if (proxied != null) {
            return proxied;
        }
        return ch.remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() : String.valueOf(ch.remoteAddress());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HAProxyMessage proxy) {
            try {
                if (proxy.sourceAddress() != null) {
                    ctx.channel().attr(CLIENT).set(proxy.sourceAddress());
                }
                log.debug("PROXY {} {}:{} via {}", proxy.command(), proxy.sourceAddress(), proxy.sourcePort(),
                        ctx.channel().remoteAddress());
            } finally {
                ReferenceCountUtil.release(msg);
            }
            ctx.pipeline().remove(this);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof HAProxyProtocolException) {
            log.info("{}: no valid PROXY protocol header ({}): closing", ctx.channel().remoteAddress(), cause.getMessage());
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}
