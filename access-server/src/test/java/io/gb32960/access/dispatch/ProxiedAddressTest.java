package io.gb32960.access.dispatch;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProxiedAddressTest {

    @Test
    void theClientAddressComesFromTheProxyHeaderAndTheRestPassesThrough() {
        EmbeddedChannel ch = new EmbeddedChannel(new ProxyHeaderGuard(), new HAProxyMessageDecoder(),
                new ProxiedAddress());
        ch.writeInbound(Unpooled.copiedBuffer("PROXY TCP4 203.0.113.7 10.0.0.1 51234 32959\r\n##\u0005",
                StandardCharsets.US_ASCII));
        assertThat(ProxiedAddress.of(ch)).isEqualTo("203.0.113.7");
        assertThat(ch.pipeline().get(ProxiedAddress.class)).isNull();
        ByteBuf rest = ch.readInbound();
        assertThat(rest.toString(StandardCharsets.US_ASCII)).isEqualTo("##\u0005");
        rest.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void withoutAHeaderTheConnectionIsClosed() {
        EmbeddedChannel ch = new EmbeddedChannel(new ProxyHeaderGuard(), new HAProxyMessageDecoder(),
                new ProxiedAddress());
        ch.writeInbound(Unpooled.copiedBuffer("##\u0005", StandardCharsets.ISO_8859_1));
        assertThat(ch.isActive()).as("waits for 12 bytes").isTrue();
        ch.writeInbound(Unpooled.copiedBuffer("\u00fe0123456789abcdefg", StandardCharsets.ISO_8859_1));
        assertThat(ch.isActive()).isFalse();
        assertThat(ProxiedAddress.of(ch)).isNotEqualTo("203.0.113.7");
        ch.finishAndReleaseAll();
    }
}
