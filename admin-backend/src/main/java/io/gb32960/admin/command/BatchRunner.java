package io.gb32960.admin.command;

import io.gb32960.admin.system.Actor;
import io.gb32960.platform.common.command.DownlinkCommand;
import io.gb32960.protocol.control.UpgradeLayout;
import jakarta.annotation.PreDestroy;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;

/**
 * Runs batches one at a time in the whole cluster (a Redisson lock every instance's batch thread
 * waits for, so the access tier never gets more than one batch's rate however many admin instances
 * there are), on its own thread: the pending vehicles in pages, each command after the pacer allows
 * it (evenly at the batch's rate, no bursts) and while fewer than {@code batch-in-flight} commands
 * wait for answers. Results are stored as they come. Batches still RUNNING at start-up are resumed
 * (their commands that were waiting for answers are marked INTERRUPTED).
 */
@Component
class BatchRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);
    private static final int PAGE = 500;
    static final String RUNNER_LOCK = "gb32960:admin:batch-runner";

    private final BatchRepository batches;
    private final CommandService commands;
    private final RedissonClient redis;
    private final CommandResultExecutor results;
    private final JsonMapper json;
    private final Clock clock;
    private final CommandProperties properties;
    private final Semaphore inFlight;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "command-batches");
        t.setDaemon(true);
        return t;
    });

    BatchRunner(BatchRepository batches, CommandService commands, RedissonClient redis, CommandResultExecutor results,
                JsonMapper json, Clock clock, CommandProperties properties) {
        this.batches = batches;
        this.commands = commands;
        this.redis = redis;
        this.results = results;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.inFlight = new Semaphore(properties.batchInFlight());
    }

    /** Runs a new batch (its command as given, with any secret). */
    void submit(long batchId, CommandSpec command) {
        thread.execute(() -> run(batchId, command));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeRunning() {
        for (long id : batches.running()) {
            thread.execute(() -> run(id, null));
        }
    }

    @PreDestroy
    void shutdown() {
        thread.shutdownNow();
    }

    private void run(long batchId, CommandSpec given) {
        RLock runner = redis.getLock(RUNNER_LOCK);
        try {
            runner.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down: resumed at the next start
        }
        try {
            runLocked(batchId, given);
        } finally {
            runner.unlock();
        }
    }

    private void runLocked(long batchId, CommandSpec given) {
        try {
            if (!"RUNNING".equals(batches.status(batchId))) {
                return;
            }
            batches.interruptSent(batchId, clock.instant());
            BatchView batch = batches.find(batchId).orElseThrow();
            BatchService.StoredCommand stored = json.readValue(batch.command(), BatchService.StoredCommand.class);
            CommandSpec spec = given != null ? given : stored.command();
            if (CommandSpecs.isMasked(spec)) {
                batches.closePending(batchId, "INTERRUPTED", clock.instant());
                batches.setStatus(batchId, "RUNNING", "DONE", clock.instant());
                log.warn("batch {} not resumed: its command held a secret that is not stored", batchId);
                return;
            }
            DownlinkCommand command = CommandSpecs.toDownlink(spec, UpgradeLayout.TABLE_B16_BINARY);
            Duration timeout = Duration.ofSeconds(stored.timeoutSeconds());
            Duration queueFor = stored.queueMinutes() == 0 ? null : Duration.ofMinutes(stored.queueMinutes());
            Actor actor = new Actor(batch.createdBy(), null);
            Pacer pacer = new Pacer(Math.max(1, Math.min(batch.ratePerSecond(), properties.batchRate())));
            Phaser outstanding = new Phaser(1);
            send:
            while (true) {
                List<String> page = batches.pending(batchId, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                for (String vin : page) {
                    if (!"RUNNING".equals(batches.status(batchId))) {
                        break send;
                    }
                    pacer.acquire();
                    inFlight.acquireUninterruptibly();
                    outstanding.register();
                    CommandService.Sent sent;
                    try {
                        sent = commands.send(new CommandService.Prepared(vin, spec, command, timeout, queueFor),
                                actor, false);
                    } catch (RuntimeException e) {
                        inFlight.release();
                        outstanding.arriveAndDeregister();
                        batches.finished(batchId, vin, "SEND_FAILED", null, e.getMessage(), clock.instant());
                        continue;
                    }
                    batches.sent(batchId, vin, sent.logId());
                    sent.outcome().whenCompleteAsync((o, e) -> {
                        try {
                            batches.finished(batchId, vin, e != null ? "SEND_FAILED" : o.status().name(),
                                    sent.logId(), e != null ? e.getMessage() : o.detail(), clock.instant());
                        } catch (RuntimeException x) {
                            log.warn("batch {}: result for {} not stored: {}", batchId, vin, x.toString());
                        } finally {
                            inFlight.release();
                            outstanding.arriveAndDeregister();
                        }
                    }, results);
                }
            }
            outstanding.arriveAndAwaitAdvance();
            batches.setStatus(batchId, "RUNNING", "DONE", clock.instant());
        } catch (RuntimeException e) {
            log.error("batch {} failed", batchId, e);
        }
    }
}
