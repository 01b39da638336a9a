package io.gb32960.standalone;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar standalone/target/gb32960-standalone.jar}: the whole platform from one command,
 * on embedded Redis, Kafka and MariaDB, with a demo supplier and demo vehicles.
 */
@Command(name = "gb32960-standalone", mixinStandardHelpOptions = true,
        description = "Runs the whole GB/T 32960 platform (access node, Kafka consumers, admin backend, OTA service) in one JVM on embedded Redis, Kafka and MariaDB, with a demo supplier and demo vehicles.")
public final class StandaloneLauncher implements Callable<Integer> {

    @Mixin
    StandaloneOptions options = new StandaloneOptions();

    public static void main(String[] args) {
        int exit = new CommandLine(new StandaloneLauncher()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        if (options.accessNodes < 1 || options.accessNodes > 8) {
            System.err.println("standalone: --access-nodes must be between 1 and 8, not " + options.accessNodes);
            return 2;
        }
        RunDirectory dir = new RunDirectory(options.dataDir);
        List<Long> stale;
        try {
            stale = dir.claim();
        } catch (IllegalStateException e) {
            System.err.println("standalone: " + e.getMessage());
            return 2;
        }
        if (!stale.isEmpty()) {
            System.out.println("standalone: stopped processes left by an earlier run that did not shut down: " + stale);
        }
        if (options.fresh) {
            System.out.println("standalone: --fresh: deleting the data in " + dir.root());
            dir.wipe();
        }
        Files.deleteIfExists(dir.resolve("endpoints.json"));
        EmbeddedPlatform platform;
        try {
            platform = EmbeddedPlatform.start(options, dir, step -> System.out.println("standalone: " + step));
        } catch (Exception e) {
            System.err.println("standalone: could not start: " + e);
            dir.release();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("standalone: stopping");
            platform.close();
            dir.release();
            stopped.countDown();
        }, "standalone-shutdown"));
        long readyMillis = (System.nanoTime() - t0) / 1_000_000;
        EmbeddedPlatform.writeEndpoints(dir, platform.endpoints(), readyMillis);
        System.out.println(platform.endpoints().banner(readyMillis));
        stopped.await();
        return 0;
    }
}
