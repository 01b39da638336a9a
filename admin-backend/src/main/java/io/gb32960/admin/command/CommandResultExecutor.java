package io.gb32960.admin.command;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** A few threads that store command results (Redisson's threads hand them over, never wait on JDBC). */
public final class CommandResultExecutor implements Executor {

    private final ExecutorService threads;

    CommandResultExecutor(int size) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "command-results-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.threads = Executors.newFixedThreadPool(size, factory);
    }

    @Override
    public void execute(Runnable task) {
        threads.execute(task);
    }

    void shutdown() {
        threads.shutdown();
    }
}
