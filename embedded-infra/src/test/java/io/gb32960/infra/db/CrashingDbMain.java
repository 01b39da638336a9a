package io.gb32960.infra.db;

import java.nio.file.Path;

/**
 * A JVM that starts MariaDB on a data directory, prints its pid and port, and waits to be killed:
 * SIGKILL leaves mariadbd running (nobody stops it), as a crashed launcher would.
 */
public final class CrashingDbMain {

    private CrashingDbMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMariaDb db = EmbeddedMariaDb.builder(Path.of(args[0])).baseDir(Path.of(args[1]))
                .deleteDataOnClose(false).start();
        System.out.println("STARTED " + db.pid() + " " + db.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // until killed
    }
}
