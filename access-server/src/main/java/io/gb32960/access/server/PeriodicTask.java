package io.gb32960.access.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A node's background chore on its own daemon thread, started and stopped with the application in
 * the given lifecycle phase. A round that throws is logged and the next one still runs.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String threadName;
    private final Duration initialDelay;
    private final Duration interval;
    private final int phase;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    protected PeriodicTask(String threadName, Duration initialDelay, Duration interval, int phase) {
        this.threadName = threadName;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.phase = phase;
    }

    /** One round. */
    protected abstract void runOnce();

    /** After the last round, on the stopping thread (e.g. a final flush). */
    protected void afterStop() {
    }

    private void guarded() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("{}: round failed: {}", threadName, e.toString());
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::guarded, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
        afterStop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
