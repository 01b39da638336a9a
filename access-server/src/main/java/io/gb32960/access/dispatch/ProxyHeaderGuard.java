package io.gb32960.access.dispatch;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.ProtocolDetectionResult;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Closes a connection at once when its first 12 bytes are not a PROXY protocol header (v1 text or
 * v2 binary signature): the decoder alone would wait for 108 bytes of a v1 line, and a terminal
 * that reached the node without the balancer would hang until the idle timeout.
 */
final class ProxyHeaderGuard extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(ProxyHeaderGuard.class);

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ProtocolDetectionResult<HAProxyProtocolVersion> detected = HAProxyMessageDecoder.detectProtocol(in);
        switch (detected.state()) {
            case NEEDS_MORE_DATA:
                return;
            case INVALID:
                log.info("{}: connection without a PROXY protocol header: closing", ctx.channel().remoteAddress());
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            default:
                ctx.pipeline().remove(this); // hands what it holds to the PROXY decoder
        }
    }
}
