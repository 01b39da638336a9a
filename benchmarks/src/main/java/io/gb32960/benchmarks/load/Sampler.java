package io.gb32960.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/** Takes {@link Sample}s of one run: node metrics (all nodes), Kafka end offsets, CPU of every process involved. */
final class Sampler {

    private final Stack stack;
    private final RedisPipe redis;
    private final LongSupplier simFrames;
    private final long brokerPid;
    private final long selfPid = ProcessHandle.current().pid();
    private final long origin;

    Sampler(Stack stack, RedisPipe redis, LongSupplier simFrames) {
        this.stack = stack;
        this.redis = redis;
        this.simFrames = simFrames;
        this.brokerPid = Stack.brokerPid(stack.broker);
        this.origin = System.nanoTime();
    }

    Sample take() throws Exception {
        long now = System.nanoTime();
        long offsets = stack.kafka.endOffsets();
        Prometheus p = stack.scrape();
        double[] machine = Cpu.machineSeconds();
        double redisCpu;
        try {
            redisCpu = redis.cpuSeconds();
        } catch (IOException | RuntimeException e) {
            redisCpu = Double.NaN;
        }
        return new Sample((now - origin) / 1e9, offsets, p.sum("gb32960_telemetry_published_total"),
                p.sum("gb32960_frames_in_total", "command=realtimeReport")
                        + p.sum("gb32960_frames_in_total", "command=reissueReport"),
                p.sum("gb32960_telemetry_buffered"), p.sum("gb32960_telemetry_spill_frames"),
                p.sum("gb32960_logins_total", "result=success"), simFrames.getAsLong(),
                nodesCpu(), Cpu.processSeconds(brokerPid), Cpu.processSeconds(selfPid),
                redisCpu, machine[0], machine[1], Cpu.softirqSeconds(), Cpu.allProcesses(), nodesThreads(), p);
    }

    /**
     * Samples every {@code period} for {@code window}, from now; {@code onSample} sees each new
     * sample with the one before (for a progress line).
     *
     * @return the samples, the first taken at once
     */
    List<Sample> window(Duration window, Duration period, SampleListener onSample) throws Exception {
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        samples.add(take());
        for (int i = 1; (long) i * period.toNanos() <= window.toNanos(); i++) {
            long wait = start + i * period.toNanos() - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Sample s = take();
            Sample prev = samples.get(samples.size() - 1);
            samples.add(s);
            onSample.sampled(prev, s);
        }
        return samples;
    }

    /** Sees each sample of a {@link #window} with the one before. */
    interface SampleListener {
        void sampled(Sample previous, Sample current) throws Exception;
    }

    /** The per-second rate of {@code counter} in each interval of {@code samples}. */
    static double[] intervalRates(List<Sample> samples, ToDoubleFunction<Sample> counter) {
        double[] rates = new double[samples.size() - 1];
        for (int i = 1; i < samples.size(); i++) {
            rates[i - 1] = Sample.rate(counter.applyAsDouble(samples.get(i - 1)), counter.applyAsDouble(samples.get(i)),
                    samples.get(i - 1), samples.get(i));
        }
        return rates;
    }

    private double nodesCpu() {
        double sum = 0;
        for (NodeProcess n : stack.nodes) {
            sum += Cpu.processSeconds(n.pid());
        }
        return sum;
    }

    private Map<String, Double> nodesThreads() {
        Map<String, Double> sum = new java.util.TreeMap<>();
        for (NodeProcess n : stack.nodes) {
            Cpu.threadGroups(n.pid()).forEach((group, seconds) -> sum.merge(group, seconds, Double::sum));
        }
        return sum;
    }

    /** CPU use between two samples, in cores, per process and for the machine. */
    static java.util.Map<String, Object> cpu(Sample a, Sample b, int cores) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("node", Stats.round(b.cores(a.cpuNode(), b.cpuNode(), a), 2));
        m.put("broker", Stats.round(b.cores(a.cpuBroker(), b.cpuBroker(), a), 2));
        m.put("harness", Stats.round(b.cores(a.cpuHarness(), b.cpuHarness(), a), 2));
        m.put("redis", Stats.round(b.cores(a.cpuRedis(), b.cpuRedis(), a), 2));
        double busy = (b.cpuBusy() - a.cpuBusy()) / (b.cpuTotal() - a.cpuTotal());
        double known = b.cpuNode() - a.cpuNode() + b.cpuBroker() - a.cpuBroker() + b.cpuHarness() - a.cpuHarness()
                + (Double.isNaN(b.cpuRedis() - a.cpuRedis()) ? 0 : b.cpuRedis() - a.cpuRedis());
        // everything else: the kernel's softirq work not charged to a process, and other programs
        double seconds = b.seconds() - a.seconds();
        m.put("softirq", Stats.round((b.softirq() - a.softirq()) / seconds, 2));
        // busy time no process of the benchmark was charged with: other programs and uncharged kernel work
        // (softirq time is usually charged to whatever process was running, so it is not subtracted)
        m.put("other", Stats.round((b.cpuBusy() - a.cpuBusy() - known) / seconds, 2));
        m.put("machineBusyPercent", Stats.round(100 * busy, 1));
        m.put("machineCores", cores);
        return m;
    }

    /** CPU microseconds per operation of the node's thread groups using at least 1 % of a core. */
    static Map<String, Object> nodeThreads(Sample a, Sample b, double operations) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        double seconds = b.seconds() - a.seconds();
        b.nodeThreads().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - a.nodeThreads().getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() / seconds >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> m.put(e.getKey(), Stats.round(1e6 * e.getValue() / Math.max(1, operations), 2)));
        return m;
    }

    /** Cores other programs (not the benchmark's processes, not Redis) used between two samples. */
    double foreign(Sample a, Sample b) {
        double sum = 0;
        for (Map.Entry<String, Object> e : others(a, b).entrySet()) {
            if (!e.getKey().startsWith("redis-server")) {
                sum += ((Number) e.getValue()).doubleValue();
            }
        }
        return sum;
    }

    /**
     * The busiest processes between two samples that are none of the benchmark's own (other
     * programs on the machine, and Redis), as "name(pid)" to cores.
     */
    java.util.Map<String, Object> others(Sample a, Sample b) {
        java.util.Set<Long> own = new java.util.HashSet<>(java.util.Set.of(brokerPid, selfPid));
        stack.nodes.forEach(n -> own.add(n.pid()));
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        b.processes().entrySet().stream().filter(e -> !own.contains(e.getKey()))
                .map(e -> java.util.Map.entry(e.getValue().getKey() + "(" + e.getKey() + ")",
                        (e.getValue().getValue() - a.processes().getOrDefault(e.getKey(),
                                java.util.Map.entry("", 0.0)).getValue()) / (b.seconds() - a.seconds())))
                .filter(e -> e.getValue() >= 0.01)
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(6)
                .forEach(e -> m.put(e.getKey(), Stats.round(e.getValue(), 2)));
        return m;
    }

    /** CPU microseconds per operation (frame, login) of each process between two samples. */
    static Map<String, Object> perOperation(Sample a, Sample b, double operations) {
        Map<String, Object> m = new LinkedHashMap<>();
        double ops = Math.max(1, operations);
        m.put("node", Stats.round(1e6 * (b.cpuNode() - a.cpuNode()) / ops, 2));
        m.put("broker", Stats.round(1e6 * (b.cpuBroker() - a.cpuBroker()) / ops, 2));
        m.put("harness", Stats.round(1e6 * (b.cpuHarness() - a.cpuHarness()) / ops, 2));
        m.put("redis", Stats.round(1e6 * (b.cpuRedis() - a.cpuRedis()) / ops, 2));
        m.put("softirq", Stats.round(1e6 * (b.softirq() - a.softirq()) / ops, 2));
        return m;
    }
}
