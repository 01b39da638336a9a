package io.gb32960.infra;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the child JVM that {@link KafkaBroker} launches: runs {@code kafka.Kafka} and
 * exits when its parent dies. The parent holds the child's stdin open and never writes to it, so
 * end-of-stream on stdin means the parent is gone (also after a SIGKILL, when no shutdown hook of
 * the parent runs): the broker then shuts down instead of lingering as an orphan.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    /** {@code args}: what {@code kafka.Kafka} takes, the server.properties path first. */
    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(KafkaBrokerMain::exitWhenParentGone, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }

    private static void exitWhenParentGone() {
        InputStream in = System.in;
        byte[] discard = new byte[256];
        try {
            while (in.read(discard) >= 0) {
                // the parent writes nothing; keep waiting for end-of-stream
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone as well
        }
        System.err.println("KafkaBrokerMain: parent process gone, shutting the broker down");
        System.exit(1); // runs Kafka's shutdown hook (controlled shutdown)
    }
}
