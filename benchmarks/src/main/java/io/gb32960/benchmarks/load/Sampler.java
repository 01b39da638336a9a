package io.gb32960.benchmarks.load;

import java.io.IOException;
import java.util.Map;
import java.util.function.LongSupplier;

/** Takes {@link Sample}s of one run: node metrics, Kafka end offsets, CPU of every process involved. */
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
        Prometheus p = stack.node.scrape();
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
                Cpu.processSeconds(stack.node.pid()), Cpu.processSeconds(brokerPid), Cpu.processSeconds(selfPid),
                redisCpu, machine[0], machine[1], Cpu.softirqSeconds(), Cpu.allProcesses(),
                Cpu.threadGroups(stack.node.pid()));
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
        java.util.Set<Long> own = java.util.Set.of(stack.node.pid(), brokerPid, selfPid);
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
}
