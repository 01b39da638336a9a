package io.gb32960.benchmarks.load;

import io.gb32960.platform.common.command.CommandGateway;
import io.gb32960.platform.common.command.CommandResult;
import io.gb32960.platform.common.command.DownlinkCommand;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Sends one downlink command over and over through a {@link CommandGateway}, each time to a vehicle
 * of the fleet drawn at random, and times each from {@code send} to its result.
 * <ul>
 *   <li>closed loop ({@code rate == 0}): {@code inFlight} commands outstanding at all times, each
 *   result sends the next;</li>
 *   <li>open loop ({@code rate > 0}): commands start at that rate, whatever the results do.</li>
 * </ul>
 */
final class CommandDriver implements AutoCloseable {

    private final CommandGateway gateway;
    private final IntFunction<String> vin;
    private final int vehicles;
    private final DownlinkCommand command;
    private final Duration timeout;
    private final LongAdder sent = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<CommandResult.Status, LongAdder> byStatus = new EnumMap<>(CommandResult.Status.class);
    /** The first detail seen of each status but ANSWERED: why. */
    private final Map<String, String> details = new ConcurrentHashMap<>();
    private final LatencyWindow latency = new LatencyWindow();
    private volatile boolean running;
    private volatile boolean paced;
    private ScheduledExecutorService pacer;

    CommandDriver(CommandGateway gateway, IntFunction<String> vin, int vehicles, DownlinkCommand command,
                  Duration timeout) {
        this.gateway = gateway;
        this.vin = vin;
        this.vehicles = vehicles;
        this.command = command;
        this.timeout = timeout;
        for (CommandResult.Status s : CommandResult.Status.values()) {
            byStatus.put(s, new LongAdder());
        }
    }

    /** Closed loop with {@code inFlight} outstanding when {@code rate} is 0, else open loop at {@code rate} commands/s. */
    void start(int inFlight, double rate) {
        running = true;
        if (rate <= 0) {
            for (int i = 0; i < inFlight; i++) {
                sendOne();
            }
            return;
        }
        paced = true;
        pacer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "command-pacer");
            t.setDaemon(true);
            return t;
        });
        long begin = System.nanoTime();
        long[] issued = {0};
        pacer.scheduleAtFixedRate(() -> {
            long due = (long) ((System.nanoTime() - begin) / 1e9 * rate);
            while (issued[0] < due && running) {
                issued[0]++;
                sendOne();
            }
        }, 1, 1, TimeUnit.MILLISECONDS);
    }

    private void sendOne() {
        String target = vin.apply(ThreadLocalRandom.current().nextInt(vehicles));
        long t0 = System.nanoTime();
        sent.increment();
        gateway.send(target, command, timeout).whenComplete((result, error) -> {
            latency.recordNanos(System.nanoTime() - t0);
            if (error != null) {
                failed.increment();
                details.putIfAbsent("error", error.toString());
            } else {
                byStatus.get(result.status()).increment();
                if (result.status() != CommandResult.Status.ANSWERED) {
                    details.putIfAbsent(result.status().name(), result.detail());
                }
            }
            completed.increment();
            if (running && !paced) {
                sendOne();
            }
        });
    }

    /** Send-to-answer latency; reset it at the start of the measurement window. */
    LatencyWindow latency() {
        return latency;
    }

    long sent() {
        return sent.sum();
    }

    long completed() {
        return completed.sum();
    }

    /** Results so far by status (and {@code error}: the future failed), including zeros. */
    Map<String, Long> results() {
        Map<String, Long> m = new LinkedHashMap<>();
        byStatus.forEach((status, n) -> m.put(status.name(), n.sum()));
        m.put("error", failed.sum());
        return m;
    }

    /** The first detail of each status other than ANSWERED (and of a failed future), e.g. why OFFLINE. */
    Map<String, String> details() {
        return new TreeMap<>(details);
    }

    /** Stops sending; waits up to {@code grace} for the commands in flight. */
    void stop(Duration grace) throws InterruptedException {
        running = false;
        if (pacer != null) {
            pacer.shutdownNow();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (completed.sum() < sent.sum() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        running = false;
        if (pacer != null) {
            pacer.shutdownNow();
        }
    }
}
