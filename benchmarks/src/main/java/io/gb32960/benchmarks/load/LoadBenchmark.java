package io.gb32960.benchmarks.load;

import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access node under load, on one machine: a real Kafka broker (child JVM), the machine's Redis,
 * the packaged node (child JVM) and the load generator (this JVM). Three measurements:
 * <ul>
 *   <li>{@code ingest}: realtime frames from the simulator into Kafka, measured as the growth of the
 *   telemetry topic's end offsets over a steady window;</li>
 *   <li>{@code logins}: vehicle logins per second on connections opened beforehand, each with a VIN
 *   not yet cached, measured at the node ({@code gb32960_logins_total});</li>
 *   <li>{@code connections}: heap per connected, logged-in vehicle after full GCs.</li>
 * </ul>
 * Progress goes to stderr; the result (every run, the medians, machine and settings) is JSON on stdout.
 * Run from the repository root after {@code mvn -q install -DskipTests}:
 * {@code java -cp benchmarks/target/benchmarks.jar io.gb32960.benchmarks.load.LoadBenchmark ingest}.
 */
@Command(name = "LoadBenchmark", mixinStandardHelpOptions = true,
        subcommands = {IngestBenchmark.class, LoginBenchmark.class, ConnectionBenchmark.class},
        description = "Load benchmark of the access node with a real Kafka broker and Redis. "
                + "Durations: 500ms, 10s, 5m.")
public final class LoadBenchmark implements Runnable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    public static void main(String[] args) {
        int exit = new CommandLine(new LoadBenchmark()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(exit);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    static void log(String format, Object... args) {
        System.err.println("[" + LocalDateTime.now().format(CLOCK) + "] " + String.format(Locale.ROOT, format, args));
    }

    /** Options every measurement has. */
    static final class Common {

        @Option(names = "--runs", defaultValue = "3", description = "Independent runs, each on a fresh broker and node (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--node-jar", defaultValue = "access-server/target/access-server-0.1.0-SNAPSHOT-exec.jar",
                description = "The packaged node (default: ${DEFAULT-VALUE}).")
        String nodeJar;

        @Option(names = "--node-jvm", defaultValue = "-Xms1g -Xmx2g", description = "JVM options of the node (default: ${DEFAULT-VALUE}).")
        String nodeJvm;

        @Option(names = "--node-property", paramLabel = "KEY=VALUE",
                description = "Extra Spring property of the node, e.g. spring.kafka.producer.properties.linger.ms=10 (repeatable).")
        Map<String, String> nodeProperties = new LinkedHashMap<>();

        @Option(names = "--broker-jvm",
                defaultValue = "-Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:-UsePerfData -Djava.awt.headless=true",
                description = "JVM options of the Kafka broker (default: ${DEFAULT-VALUE}: Kafka's own G1 settings, C2).")
        String brokerJvm;

        @Option(names = "--partitions", defaultValue = "3", description = "Partitions of gb32960.telemetry (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(names = "--kafka-quota", defaultValue = "0", paramLabel = "BYTES_PER_SECOND",
                description = "Limit the node's telemetry producer to this many bytes/s with a Kafka client quota: "
                        + "a Kafka slower than the vehicles, so the node applies back-pressure (default: 0 = none).")
        long kafkaQuota;

        @Option(names = "--redis", defaultValue = "127.0.0.1:6379", description = "Redis host:port (default: ${DEFAULT-VALUE}).")
        String redis;

        @Option(names = "--work-dir", defaultValue = "${java.io.tmpdir}", description = "Where run directories go (default: the temp dir).")
        Path workDir;

        @Option(names = "--keep", description = "Keep each run's directory (node.log, broker log and data).")
        boolean keep;

        @Option(names = "--quiet-below", defaultValue = "20",
                description = "Before each run, wait until the machine is less busy than this percentage over 5 s "
                        + "(other programs share the cores) (default: ${DEFAULT-VALUE}).")
        double quietBelow;

        @Option(names = "--quiet-wait", defaultValue = "10m", converter = DurationConverter.class,
                description = "Give up waiting for a quiet machine after this; the run then goes ahead and its "
                        + "busyBeforeRunPercent shows it (default: ${DEFAULT-VALUE}).")
        Duration quietWait;

        @Option(names = "--disturbed-above", defaultValue = "0.15",
                description = "A run during which other programs (not the node, broker, this JVM or Redis) used more "
                        + "than this many cores is discarded and repeated (default: ${DEFAULT-VALUE}; 0 keeps every run).")
        double disturbedAbove;

        @Option(names = "--max-attempts", defaultValue = "0",
                description = "Give up after this many attempts in all (default: 0 = three times --runs).")
        int maxAttempts;

        @Option(names = "--jfr", description = "Record the node with JFR (settings=profile) during each measurement window; "
                + "the recording stays in the run directory (implies --keep).")
        boolean jfr;

        String redisHost() {
            return redis.substring(0, redis.lastIndexOf(':'));
        }

        int redisPort() {
            return Integer.parseInt(redis.substring(redis.lastIndexOf(':') + 1));
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("runs", runs);
            m.put("quietBelowPercent", quietBelow);
            m.put("disturbedAboveCores", disturbedAbove);
            m.put("nodeJar", nodeJar);
            m.put("nodeJvm", nodeJvm);
            Map<String, String> props = new LinkedHashMap<>(Stack.nodeProperties(this, null, null));
            props.putAll(nodeProperties);
            m.put("nodeProperties", props);
            m.put("brokerJvm", brokerJvm);
            m.put("brokerSettings", "io.gb32960.infra.KafkaBroker defaults (KRaft, 1 node, 2 network + 2 I/O threads)");
            m.put("telemetryPartitions", partitions);
            if (kafkaQuota > 0) {
                m.put("kafkaProducerQuotaBytesPerSecond", kafkaQuota);
            }
            m.put("redis", redis);
            m.put("harnessJvm", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
            return m;
        }
    }

    /**
     * Waits until the machine's busy share over 5 s is below {@code --quiet-below} (at most
     * {@code --quiet-wait}); returns the last share measured, in percent.
     */
    static double awaitQuiet(Common o, String label) throws InterruptedException {
        long deadline = System.nanoTime() + o.quietWait.toNanos();
        while (true) {
            double[] a = Cpu.machineSeconds();
            Thread.sleep(5_000);
            double[] b = Cpu.machineSeconds();
            double busy = 100 * (b[0] - a[0]) / (b[1] - a[1]);
            if (busy < o.quietBelow || System.nanoTime() > deadline) {
                if (busy >= o.quietBelow) {
                    log("%s: machine still %.0f%% busy after %s; going ahead", label, busy, o.quietWait);
                }
                return Stats.round(busy, 1);
            }
            log("%s: machine %.0f%% busy with other work; waiting for < %.0f%%", label, busy, o.quietBelow);
        }
    }

    /** The machine, for the record. */
    static Map<String, Object> machine(Common o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", firstMatch(Path.of("/proc/cpuinfo"), "model name\\s*:\\s*(.*)"));
        m.put("memory", firstMatch(Path.of("/proc/meminfo"), "MemTotal:\\s*(.*)"));
        m.put("os", firstMatch(Path.of("/etc/os-release"), "PRETTY_NAME=\"?([^\"]*)\"?"));
        m.put("kernel", System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("kafka", AppInfoParser.getVersion());
        try (RedisPipe redis = new RedisPipe(o.redisHost(), o.redisPort())) {
            m.put("redis", redis.version());
        } catch (IOException e) {
            m.put("redis", "unreachable: " + e);
        }
        m.put("somaxconn", firstMatch(Path.of("/proc/sys/net/core/somaxconn"), "(\\d+)"));
        m.put("openFilesLimit", firstMatch(Path.of("/proc/self/limits"), "Max open files\\s+(\\d+)"));
        m.put("loadAverageAtStart", firstMatch(Path.of("/proc/loadavg"), "^(\\S+ \\S+ \\S+)"));
        return m;
    }

    private static String firstMatch(Path file, String regex) {
        try {
            Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(Cpu.read(file));
            return m.find() ? m.group(1).trim() : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * The result document: machine, settings, runs and the median of every numeric field that all
     * runs have (nested maps included).
     */
    static String result(String benchmark, Common o, Map<String, Object> settings, List<Map<String, Object>> runs,
                         List<Map<String, Object>> discarded) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", benchmark);
        doc.put("machine", machine(o));
        Map<String, Object> all = new LinkedHashMap<>(o.describe());
        all.putAll(settings);
        doc.put("settings", all);
        doc.put("median", medians(runs));
        doc.put("runs", runs);
        doc.put("discardedRuns", discarded);
        return Json.write(doc);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> medians(List<Map<String, Object>> runs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (runs.isEmpty()) {
            return out;
        }
        for (Map.Entry<String, Object> e : runs.get(0).entrySet()) {
            String key = e.getKey();
            if (e.getValue() instanceof Number) {
                List<Number> values = new ArrayList<>();
                for (Map<String, Object> r : runs) {
                    if (r.get(key) instanceof Number n) {
                        values.add(n);
                    }
                }
                if (values.size() == runs.size()) {
                    out.put(key, Stats.round(Stats.median(values), 3));
                }
            } else if (e.getValue() instanceof Map) {
                List<Map<String, Object>> nested = new ArrayList<>();
                for (Map<String, Object> r : runs) {
                    if (r.get(key) instanceof Map<?, ?> m) {
                        nested.add((Map<String, Object>) m);
                    }
                }
                if (nested.size() == runs.size()) {
                    Map<String, Object> m = medians(nested);
                    if (!m.isEmpty()) {
                        out.put(key, m);
                    }
                }
            }
        }
        return out;
    }

    /** {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}, a bare number of seconds. */
    static final class DurationConverter implements ITypeConverter<Duration> {

        private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

        @Override
        public Duration convert(String value) {
            Matcher m = SIMPLE.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (500ms, 10s, 5m)");
            }
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                default -> amount * 3_600_000;
            };
            return Duration.ofNanos(Math.round(millis * 1_000_000));
        }
    }

    /** One run of a measurement. */
    interface RunBody {
        Map<String, Object> run(int attempt) throws Exception;
    }

    /**
     * Runs until {@code --runs} undisturbed runs are in (or {@code --max-attempts} is reached).
     * A run is disturbed when other programs used more than {@code --disturbed-above} cores in
     * its window ({@code otherProcessesCores}, Redis excluded); disturbed runs go to
     * {@code discarded}.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> runAll(Common o, String name, String figure, RunBody body,
                                            List<Map<String, Object>> discarded) throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        int attempts = o.maxAttempts > 0 ? o.maxAttempts : 3 * o.runs;
        for (int attempt = 1; runs.size() < o.runs && attempt <= attempts; attempt++) {
            Map<String, Object> run = body.run(attempt);
            double foreign = 0;
            if (run.get("otherProcessesCores") instanceof Map<?, ?> others) {
                for (Map.Entry<String, Object> e : ((Map<String, Object>) others).entrySet()) {
                    if (!e.getKey().startsWith("redis-server")) {
                        foreign += ((Number) e.getValue()).doubleValue();
                    }
                }
            }
            run.put("foreignCores", Stats.round(foreign, 2));
            if (o.disturbedAbove > 0 && foreign > o.disturbedAbove) {
                log("%s attempt %d: %s = %s, but other programs used %.2f cores: discarded", name, attempt, figure,
                        run.get(figure), foreign);
                discarded.add(run);
            } else {
                log("%s attempt %d: %s = %s", name, attempt, figure, run.get(figure));
                runs.add(run);
            }
        }
        if (runs.size() < o.runs) {
            log("%s: only %d undisturbed runs of %d after %d attempts", name, runs.size(), o.runs, attempts);
        }
        return runs;
    }

    /** Shared by the measurements: the common options. */
    abstract static class Measurement implements Callable<Integer> {

        @Mixin
        Common common = new Common();

        Common o() {
            return common;
        }
    }
}
