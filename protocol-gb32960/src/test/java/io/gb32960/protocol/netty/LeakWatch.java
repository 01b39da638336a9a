package io.gb32960.protocol.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Netty's leak reports for {@link ByteBuf}s into test failures. Netty only logs a leak (when
 * the leaked buffer is collected and a later allocation polls the reference queue); this installs a
 * {@link ResourceLeakDetector.LeakListener} on the detector every {@code AbstractByteBuf} reports to
 * and lets a test collect garbage, provoke the poll and read what was reported.
 *
 * <p>Buffers touched with {@link #INTENTIONAL} are ignored, so the self-test can prove the hook works
 * without failing whoever polls after it.
 */
public final class LeakWatch {

    /** Touch hint that marks a deliberate leak. */
    public static final String INTENTIONAL = "gb32960-intentional-leak";

    private static final List<String> LEAKS = new ArrayList<>();
    private static final List<String> INTENTIONAL_LEAKS = new ArrayList<>();
    private static boolean installed;

    private LeakWatch() {
    }

    /** Installs the listener (once per JVM) and returns the records of leaks seen so far. */
    public static synchronized int install() {
        if (!installed) {
            detector().setLeakListener(LeakWatch::onLeak);
            installed = true;
        }
        return LEAKS.size();
    }

    /**
     * Collects garbage and allocates tracked buffers so the detector polls its queue, a bounded
     * number of times; returns the leaks reported after {@code mark} (see {@link #install()}).
     *
     * @param untilIntentional also keep polling until this many intentional leaks were seen
     */
    public static List<String> leaksSince(int mark, int untilIntentional) {
        for (int round = 0; round < 40; round++) {
            System.gc();
            for (int i = 0; i < 8; i++) {
                // paranoid level: every tracked (direct) allocation polls the reference queue first
                ByteBuf probe = Unpooled.directBuffer(1);
                probe.release();
            }
            synchronized (LeakWatch.class) {
                if (round >= 3 && INTENTIONAL_LEAKS.size() >= untilIntentional) {
                    break;
                }
            }
        }
        synchronized (LeakWatch.class) {
            return List.copyOf(LEAKS.subList(mark, LEAKS.size()));
        }
    }

    public static synchronized int intentionalLeaks() {
        return INTENTIONAL_LEAKS.size();
    }

    public static ResourceLeakDetector.Level level() {
        return ResourceLeakDetector.getLevel();
    }

    private static synchronized void onLeak(String resourceType, String records) {
        if (records != null && records.contains(INTENTIONAL)) {
            INTENTIONAL_LEAKS.add(records);
        } else {
            LEAKS.add(resourceType + ": " + records);
        }
    }

    @SuppressWarnings("unchecked")
    private static ResourceLeakDetector<ByteBuf> detector() {
        try {
            Class<?> abstractByteBuf = Class.forName("io.netty.buffer.AbstractByteBuf");
            Field field = abstractByteBuf.getDeclaredField("leakDetector");
            field.setAccessible(true);
            return (ResourceLeakDetector<ByteBuf>) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot reach AbstractByteBuf.leakDetector to watch for leaks", e);
        }
    }
}
