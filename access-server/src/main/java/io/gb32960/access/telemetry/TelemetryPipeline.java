package io.gb32960.access.telemetry;

import io.gb32960.platform.common.kafka.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Moves verified telemetry frames from the event loops to Kafka without losing any. The pipeline
 * owns its producer (created for it, closed by it after the final flush).
 * <ul>
 *   <li>Event loops only {@link #offer} into a bounded queue; they never touch Kafka or disk.</li>
 *   <li>One publisher thread sends to Kafka asynchronously. A failed send (Kafka down or slow)
 *   marks Kafka unavailable and the frame goes to the {@link SpillStore}; while the store holds
 *   frames, new frames go there too, so a vehicle's frames stay in order.</li>
 *   <li>While Kafka is unavailable the thread probes it by replaying the oldest spilled batch and
 *   removes the batch only after Kafka acknowledged all of it (at-least-once).</li>
 *   <li>When the store is full (or refuses), frames stay in the queue; when the queue is full,
 *   {@link #offer} refuses and the connection stops reading until {@link #whenRoom} calls back.</li>
 * </ul>
 */
public final class TelemetryPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelemetryPipeline.class);
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    private static final long ACK_TIMEOUT_MS = 20_000;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(45);

    private final Producer<String, byte[]> producer;
    private final SpillStore spill;
    private final String nodeId;
    private final int replayBatch;
    private final BlockingQueue<SpilledFrame> queue;
    /** Waiting connections are woken once the queue is down to this, not at every free slot. */
    private final int lowWater;
    private final ConcurrentLinkedQueue<Runnable> roomWaiters = new ConcurrentLinkedQueue<>();
    /** Frames whose Kafka send failed, handed from Kafka's I/O thread to the publisher thread. */
    private final ConcurrentLinkedQueue<SpilledFrame> failed = new ConcurrentLinkedQueue<>();
    private final Thread publisher;
    private final Counter published;
    private final Counter spilled;
    private final Counter replayed;
    private final Counter sendErrors;
    private final Timer sendLatency;
    private volatile boolean kafkaAvailable = true;
    private volatile boolean running = true;
    private volatile long lastProbe;

    public TelemetryPipeline(Producer<String, byte[]> producer, SpillStore spill, String nodeId, int queueCapacity,
                             int replayBatch, MeterRegistry meters) {
        this.producer = producer;
        this.spill = spill;
        this.nodeId = nodeId;
        this.replayBatch = replayBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.lowWater = queueCapacity / 2;
        this.published = meters.counter("gb32960.telemetry.published");
        this.spilled = meters.counter("gb32960.telemetry.spilled");
        this.replayed = meters.counter("gb32960.telemetry.replayed");
        this.sendErrors = meters.counter("gb32960.telemetry.kafka.errors");
        this.sendLatency = Timer.builder("gb32960.telemetry.kafka.latency").publishPercentiles(0.5, 0.99).register(meters);
        Gauge.builder("gb32960.telemetry.buffered", queue, BlockingQueue::size).register(meters);
        Gauge.builder("gb32960.telemetry.spill.frames", spill, SpillStore::size).register(meters);
        Gauge.builder("gb32960.telemetry.spill.bytes", spill, SpillStore::bytes).register(meters);
        this.publisher = new Thread(this::run, "telemetry-publisher");
        this.publisher.setDaemon(false);
        this.publisher.start();
    }

    /**
     * Hands a frame over; called on event loops, never blocks.
     *
     * @return false when the queue is full: keep the frame, stop reading, and retry after {@link #whenRoom}
     */
    public boolean offer(SpilledFrame frame) {
        return running && queue.offer(frame);
    }

    /**
     * Takes frames of a connection that closed while they waited for room: they go where failed
     * sends go (the spill, in order of arrival), so they survive also a shutdown that follows.
     */
    public void acceptLeftovers(java.util.Collection<SpilledFrame> frames) {
        failed.addAll(frames);
    }

    /** Runs {@code callback} once on the publisher thread when the queue has room again. */
    public void whenRoom(Runnable callback) {
        roomWaiters.add(callback);
    }

    public boolean kafkaAvailable() {
        return kafkaAvailable;
    }

    public int buffered() {
        return queue.size();
    }

    public long spilledFrames() {
        return spill.size();
    }

    private void run() {
        List<SpilledFrame> batch = new ArrayList<>(512);
        while (running || !queue.isEmpty()) {
            try {
                spillFailed();
                if (spill.size() > 0 && !replay()) {
                    moveQueueToSpill();
                    pause();
                    continue;
                }
                SpilledFrame first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    wakeWaiters();
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 511);
                for (SpilledFrame f : batch) {
                    send(f);
                }
                batch.clear();
                wakeWaiters();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | IOException e) {
                log.error("telemetry publisher error; retrying", e);
                pauseQuietly();
            }
        }
    }

    private void send(SpilledFrame f) throws IOException {
        if (!kafkaAvailable || spill.size() > 0 || !failed.isEmpty()) {
            toSpill(f);
            return;
        }
        long start = System.nanoTime();
        try {
            producer.send(record(f), (metadata, error) -> {
                if (error == null) {
                    sendLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    published.increment();
                } else {
                    onSendFailure(f, error);
                }
            });
        } catch (RuntimeException e) {
            onSendFailure(f, e);
        }
    }

    /** Runs on Kafka's I/O thread (callbacks) or the publisher: only hands the frame over. */
    private void onSendFailure(SpilledFrame f, Exception error) {
        sendErrors.increment();
        if (kafkaAvailable) {
            log.warn("Kafka send failed ({}); spilling telemetry until it is back", error.toString());
        }
        kafkaAvailable = false;
        failed.add(f);
    }

    private void spillFailed() throws IOException {
        SpilledFrame f;
        while (!Thread.currentThread().isInterrupted() && (f = failed.poll()) != null) {
            toSpill(f);
        }
    }

    /**
     * Appends to the spill; while it is full, replays to make room or waits for Kafka (the queue
     * fills meanwhile and connections stop being read). Interrupted (shutdown): the frame goes back
     * to the failed queue, which the final drain in {@link #close} accounts for.
     */
    private void toSpill(SpilledFrame f) throws IOException {
        while (!spill.append(f)) {
            if (spill.size() > 0 && replay()) {
                continue;
            }
            try {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(f);
                return;
            }
        }
        spilled.increment();
    }

    private void moveQueueToSpill() throws IOException {
        SpilledFrame f;
        while ((f = queue.peek()) != null) {
            if (!spill.append(f)) {
                return;
            }
            queue.poll();
            spilled.increment();
        }
        wakeWaiters();
    }

    /**
     * Sends the oldest spilled batch and removes it once Kafka acknowledged every frame. While
     * Kafka is unavailable a single frame probes first: a send can block for {@code max.block.ms}
     * waiting for metadata, and a whole batch of such sends would stall the publisher for minutes.
     */
    private boolean replay() throws IOException {
        if (!kafkaAvailable && System.currentTimeMillis() - lastProbe < PROBE_INTERVAL.toMillis()) {
            return false;
        }
        lastProbe = System.currentTimeMillis();
        List<SpilledFrame> frames = spill.peek(kafkaAvailable ? replayBatch : 1);
        if (frames.isEmpty()) {
            return true;
        }
        if (!sendAndAwait(frames)) {
            sendErrors.increment();
            kafkaAvailable = false;
            return false;
        }
        spill.remove(frames.size());
        replayed.increment(frames.size());
        published.increment(frames.size());
        if (!kafkaAvailable) {
            log.info("Kafka is back; replaying {} spilled telemetry frames", spill.size());
        }
        kafkaAvailable = true;
        return true;
    }

    /** Sends, stopping at the first failed send, then waits for every acknowledgement. */
    private boolean sendAndAwait(List<SpilledFrame> frames) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(frames.size());
        try {
            for (SpilledFrame f : frames) {
                acks.add(producer.send(record(f)));
            }
            long deadline = System.currentTimeMillis() + ACK_TIMEOUT_MS;
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private ProducerRecord<String, byte[]> record(SpilledFrame f) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.TELEMETRY, null, f.receivedAt(), f.vin(), f.frame());
        r.headers().add(new RecordHeader(Topics.HEADER_COMMAND, ascii(Integer.toString(f.command()))));
        r.headers().add(new RecordHeader(Topics.HEADER_EDITION, ascii(f.edition())));
        r.headers().add(new RecordHeader(Topics.HEADER_NODE, ascii(nodeId)));
        r.headers().add(new RecordHeader(Topics.HEADER_RECEIVED_AT, ascii(Long.toString(f.receivedAt()))));
        return r;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Wakes the connections waiting for room once the queue is down to half its capacity. Waking
     * them at every free slot made thousands of connections retry (and mostly fail) after each
     * batch while the node was saturated: CPU spent on back-pressure instead of on frames.
     */
    private void wakeWaiters() {
        if (queue.size() > lowWater) {
            return;
        }
        Runnable r;
        while ((r = roomWaiters.poll()) != null) {
            r.run();
        }
    }

    private void pause() throws InterruptedException {
        Thread.sleep(20); // the publisher thread waits for Kafka; event loops are not affected
    }

    private void pauseQuietly() {
        try {
            pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops taking frames, sends or spills what is queued, flushes Kafka and closes the spill.
     * Frames still unacknowledged by Kafka after the flush were spilled by their callbacks.
     */
    @Override
    public void close() throws IOException {
        running = false;
        try {
            publisher.join(SHUTDOWN_WAIT.toMillis());
            if (publisher.isAlive()) {
                log.warn("telemetry publisher still busy after {}; interrupting it", SHUTDOWN_WAIT);
                publisher.interrupt();
                publisher.join(SHUTDOWN_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            producer.flush();
            producer.close(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.warn("Kafka flush at shutdown failed: {}", e.toString());
        }
        int lost = 0;
        for (java.util.Queue<SpilledFrame> left : List.<java.util.Queue<SpilledFrame>>of(failed, queue)) {
            SpilledFrame f;
            while ((f = left.poll()) != null) {
                if (!spill.append(f)) {
                    lost++;
                }
            }
        }
        if (lost > 0) {
            log.error("shutdown with a full spill: {} telemetry frames could not be kept", lost);
        }
        spill.close();
    }
}
