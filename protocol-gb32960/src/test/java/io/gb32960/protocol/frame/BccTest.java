package io.gb32960.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BccTest {

    private static int naive(byte[] a, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            x ^= a[i] & 0xFF;
        }
        return x;
    }

    @Test
    void wordWiseXorEqualsByteWiseXorForEveryLengthAndOffset() {
        SplittableRandom random = new SplittableRandom(32960);
        byte[] a = new byte[200];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) random.nextInt(256);
        }
        for (int from = 0; from < 20; from++) {
            for (int to = from; to <= a.length; to++) {
                assertThat(Bcc.xor(a, from, to)).as("xor[%d..%d)", from, to).isEqualTo(naive(a, from, to));
            }
        }
    }

    @Test
    void heapAndDirectBuffersAgreeWithArrays() {
        byte[] a = new byte[129];
        new SplittableRandom(7).nextBytes(a);
        ByteBuf heap = Unpooled.wrappedBuffer(a);
        ByteBuf direct = Unpooled.directBuffer(a.length).writeBytes(a);
        try {
            for (int to = 2; to <= a.length; to++) {
                int expected = naive(a, 2, to);
                assertThat(Bcc.xor(heap, 2, to)).isEqualTo(expected);
                assertThat(Bcc.xor(direct, 2, to)).isEqualTo(expected);
            }
        } finally {
            heap.release();
            direct.release();
        }
    }

    @Test
    void verifiesTheLastByteOfAFrame() {
        // heartbeat of 36node's production log: 23 23 07 fe VIN 01 00 00 BCC
        byte[] frame = io.gb32960.protocol.wire.Hex.decode(
                "232307fe4c5a595442474357354a3130333537313501000000");
        frame[frame.length - 1] = (byte) naive(frame, 2, frame.length - 1);
        ByteBuf buf = Unpooled.wrappedBuffer(frame);
        try {
            assertThat(Bcc.verify(buf, 0, frame.length)).isTrue();
            buf.setByte(5, buf.getByte(5) ^ 1);
            assertThat(Bcc.verify(buf, 0, frame.length)).isFalse();
        } finally {
            buf.release();
        }
    }
}
