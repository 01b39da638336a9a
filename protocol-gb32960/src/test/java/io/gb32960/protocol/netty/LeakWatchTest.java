package io.gb32960.protocol.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves the leak hook the fuzz and pipeline tests rely on actually sees a leak. */
class LeakWatchTest {

    @Test
    void reportsALeakedBuffer() {
        assertThat(LeakWatch.level()).as("surefire runs with paranoid leak detection")
                .isEqualTo(ResourceLeakDetector.Level.PARANOID);
        int mark = LeakWatch.install();
        int before = LeakWatch.intentionalLeaks();
        leakOneBuffer();

        LeakWatch.leaksSince(mark, before + 1);

        assertThat(LeakWatch.intentionalLeaks()).as("the deliberately leaked buffer was reported")
                .isEqualTo(before + 1);
    }

    private static void leakOneBuffer() {
        // unpooled heap buffers are not tracked at all; direct ones are
        ByteBuf leaked = Unpooled.directBuffer(16).writeLong(0x2323L);
        leaked.touch(LeakWatch.INTENTIONAL);
    }
}
