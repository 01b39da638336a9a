package io.gb32960.consumers.bench;

import io.gb32960.consumers.ConsumersApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The kafka-consumers benchmark (docs/benchmarks.md, section "kafka-consumers"): real KRaft broker,
 * real MariaDB, the whole application in this JVM.
 * <pre>
 * kafka-consumers/persist-bench.sh [format] [throughput] [latency] [key=value ...]
 * (or java -cp ... io.gb32960.consumers.bench.PersistBenchmark [format] [throughput] [latency] [key=value ...])
 *   frames=1000000 vehicles=10000 runs=3 partitions=4 concurrency=2 chunk=250 serverPrep=true
 *   decoded=false db=embedded|external rate=10000 liveVehicles=100000 warmup=30 measure=120 formatFrames=100000
 *   pollRecords=5000 quietBelow=25 quietWait=600
 * </pre>
 * throughput: a topic pre-filled with {@code frames} frames, consumed from the start by a fresh
 * consumer group into a fresh database; frames/s from the first stored batch to the last.
 * latency: frames produced at {@code rate}/s with receivedAt = send time; the persister's
 * {@code gb32960.telemetry.delay} percentiles (receive to commit) over the last 1-2 minutes; {@code runs}
 * times, each on a fresh topic and database. Every run prints /proc/loadavg before and after it.
 */
public final class PersistBenchmark {

    private final Map<String, String> opts;
    private final BenchInfra infra;

    private PersistBenchmark(Map<String, String> opts, BenchInfra infra) {
        this.opts = opts;
        this.infra = infra;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        List<String> modes = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                opts.put(a.substring(0, eq), a.substring(eq + 1));
            } else {
                modes.add(a);
            }
        }
        if (modes.isEmpty()) {
            modes = List.of("format", "throughput", "latency");
        }
        Path dir = Path.of("target", "bench-" + ProcessHandle.current().pid());
        try (BenchInfra infra = new BenchInfra(dir, "external".equals(opts.get("db")), 4)) {
            PersistBenchmark b = new PersistBenchmark(opts, infra);
            System.out.println("options " + opts + ", " + Runtime.getRuntime().availableProcessors() + " cores, JVM "
                    + System.getProperty("java.version"));
            for (String mode : modes) {
                switch (mode) {
                    case "format" -> System.out.print(StorageFormatBench.header()
                            + StorageFormatBench.run(infra, b.i("formatFrames", 100_000), b.i("vehicles", 10_000)));
                    case "throughput" -> b.throughput();
                    case "latency" -> b.latency();
                    default -> throw new IllegalArgumentException("unknown mode " + mode);
                }
            }
        }
        System.exit(0);
    }

    private int i(String key, int def) {
        return Integer.parseInt(opts.getOrDefault(key, Integer.toString(def)));
    }

    private String s(String key, String def) {
        return opts.getOrDefault(key, def);
    }

    private ConfigurableApplicationContext app(String db, String topic, String group) {
        String url = infra.url(db) + "&useServerPrepStmts=" + s("serverPrep", "true");
        return ConsumersApplication.builder().run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=root", "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + infra.broker.bootstrapServers(),
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + infra.redisPort,
                "--server.port=0", "--logging.level.root=WARN",
                "--spring.kafka.consumer.max-poll-records=" + i("pollRecords", 5000),
                "--gb32960.consumers.telemetry.topic=" + topic,
                "--gb32960.consumers.telemetry.group-id=" + group,
                "--gb32960.consumers.telemetry.dead-letter-topic=" + topic + ".dlt",
                "--gb32960.consumers.telemetry.concurrency=" + i("concurrency", 2),
                "--gb32960.consumers.telemetry.insert-chunk=" + i("chunk", 250),
                "--gb32960.consumers.decoded.enabled=" + s("decoded", "false"),
                "--gb32960.consumers.decoded.topic=" + topic + ".decoded",
                "--gb32960.consumers.decoded.group-id=" + group + ".decoded",
                "--gb32960.consumers.events.enabled=false",
                "--gb32960.consumers.new-topics.replication-factor=1");
    }

    private static double stored(MeterRegistry meters) {
        return meters.find("gb32960.consumer.records").tags("listener", "telemetry", "outcome", "stored")
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private void throughput() throws Exception {
        int frames = i("frames", 1_000_000);
        String topic = "bench.prefilled." + frames;
        BenchFrames source = new BenchFrames(i("vehicles", 10_000));
        try (BenchKafka kafka = new BenchKafka(infra.broker.bootstrapServers())) {
            kafka.createTopic(topic, i("partitions", 4));
            long t0 = System.nanoTime();
            long now = System.currentTimeMillis();
            for (int n = 0; n < frames; n++) {
                kafka.send(topic, source.frame(n), now);
            }
            kafka.flush();
            System.out.printf(Locale.ROOT, "pre-filled %s with %d frames in %.1f s%n", topic, frames,
                    (System.nanoTime() - t0) / 1e9);
        }
        double[] rates = new double[i("runs", 3)];
        for (int run = 0; run < rates.length; run++) {
            String db = "bench_throughput";
            infra.recreateDatabase(db);
            MachineCpu.awaitQuiet(i("quietBelow", 25), i("quietWait", 600));
            String loadBefore = MachineCpu.loadavg();
            try (ConfigurableApplicationContext ctx = app(db, topic, "bench-" + System.nanoTime())) {
                MeterRegistry meters = ctx.getBean(MeterRegistry.class);
                long first = 0;
                MachineCpu.Reading cpu = null;
                while (stored(meters) < frames) {
                    if (first == 0 && stored(meters) > 0) {
                        first = System.nanoTime();
                        cpu = MachineCpu.read();
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
                MachineCpu.Reading end = MachineCpu.read();
                String load = end.since(cpu) + String.format(Locale.ROOT, "; CPU %.2f ms per frame (%s)",
                        end.oursSeconds(cpu) * 1000 / frames, end.breakdown(cpu));
                double seconds = (System.nanoTime() - first) / 1e9;
                rates[run] = frames / seconds;
                Timer write = meters.get("gb32960.consumer.db.write").tag("listener", "telemetry").timer();
                System.out.printf(Locale.ROOT, "run %d: %d frames in %.1f s = %.0f frames/s; loadavg %s before, %s after;"
                                + " %s; %d batches, mean batch %.0f records, DB write mean %.1f ms, max %.0f ms; rows %d,"
                                + " telemetry table %.0f MB%n",
                        run + 1, frames, seconds, rates[run], loadBefore, MachineCpu.loadavg(), load, write.count(),
                        meters.get("gb32960.consumer.batch.size").tag("listener", "telemetry").summary().mean(),
                        write.mean(TimeUnit.MILLISECONDS), write.max(TimeUnit.MILLISECONDS), rows(db), tableMb(db));
            }
        }
        System.out.printf(Locale.ROOT, "throughput median %.0f frames/s (runs %s)%n", median(rates),
                Arrays.toString(Arrays.stream(rates).map(Math::round).toArray()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** {@code runs} latency runs, each on a fresh topic and database; the median of their p99. */
    private void latency() throws Exception {
        double[] p99 = new double[i("runs", 3)];
        for (int run = 0; run < p99.length; run++) {
            p99[run] = latencyRun(run + 1);
        }
        System.out.printf(Locale.ROOT, "latency p99 median %.0f ms (runs %s)%n", median(p99),
                Arrays.toString(Arrays.stream(p99).map(Math::round).toArray()));
    }

    private double latencyRun(int run) throws Exception {
        int rate = i("rate", 10_000);
        int warmup = i("warmup", 30);
        int measure = i("measure", 120);
        String topic = "bench.live." + System.nanoTime();
        String db = "bench_latency";
        infra.recreateDatabase(db);
        BenchFrames source = new BenchFrames(i("liveVehicles", 100_000));
        try (BenchKafka kafka = new BenchKafka(infra.broker.bootstrapServers())) {
            kafka.createTopic(topic, i("partitions", 4));
            MachineCpu.awaitQuiet(i("quietBelow", 25), i("quietWait", 600));
            String loadBefore = MachineCpu.loadavg();
            try (ConfigurableApplicationContext ctx = app(db, topic, "bench-live")) {
                MeterRegistry meters = ctx.getBean(MeterRegistry.class);
                MachineCpu.Reading cpu = MachineCpu.read();
                long tickNanos = TimeUnit.MILLISECONDS.toNanos(10);
                int perTick = rate / 100;
                long total = (long) rate * (warmup + measure);
                long start = System.nanoTime();
                long n = 0;
                for (long tick = 0; n < total; tick++) {
                    long due = start + tick * tickNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long now = System.currentTimeMillis();
                    for (int k = 0; k < perTick && n < total; k++, n++) {
                        kafka.send(topic, source.frame(n), now);
                    }
                }
                double sendSeconds = (System.nanoTime() - start) / 1e9;
                kafka.flush();
                while (stored(meters) < total) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
                String load = MachineCpu.read().since(cpu);
                Timer delay = meters.get("gb32960.telemetry.delay").timer();
                StringBuilder p = new StringBuilder();
                double p99 = Double.NaN;
                for (ValueAtPercentile v : delay.takeSnapshot().percentileValues()) {
                    p.append(String.format(Locale.ROOT, " p%s=%.0f ms", trim(v.percentile() * 100), v.value(TimeUnit.MILLISECONDS)));
                    if (v.percentile() == 0.99) {
                        p99 = v.value(TimeUnit.MILLISECONDS);
                    }
                }
                Timer write = meters.get("gb32960.consumer.db.write").tag("listener", "telemetry").timer();
                System.out.printf(Locale.ROOT, "latency run %d at %d frames/s offered (%.0f achieved, %d frames): receive to"
                                + " commit%s, max %.0f ms; DB write mean %.1f ms; mean batch %.0f records; loadavg %s before,"
                                + " %s after; %s%n",
                        run, rate, total / sendSeconds, total, p, delay.max(TimeUnit.MILLISECONDS),
                        write.mean(TimeUnit.MILLISECONDS),
                        meters.get("gb32960.consumer.batch.size").tag("listener", "telemetry").summary().mean(),
                        loadBefore, MachineCpu.loadavg(), load);
                return p99;
            }
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private long rows(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(infra.url(db), "root", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM telemetry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private double tableMb(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(infra.url(db), "root", "");
             Statement s = c.createStatement()) {
            s.execute("ANALYZE TABLE telemetry");
            try (ResultSet rs = s.executeQuery("SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM information_schema.PARTITIONS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'telemetry'")) {
                rs.next();
                return rs.getDouble(1) / 1e6;
            }
        }
    }
}
