package io.gb32960.benchmarks.load;

import io.gb32960.infra.KafkaBroker;
import io.gb32960.platform.common.kafka.Topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * One run's infrastructure: a fresh Kafka broker (child JVM, data in a temporary directory), the
 * telemetry topic, and one or more fresh access nodes (child JVMs, each in a directory of its own)
 * wired to it and to Redis.
 */
final class Stack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    final Path dir;
    final KafkaBroker broker;
    final KafkaProbe kafka;
    /** The access nodes, in the order they were asked for. */
    final List<NodeProcess> nodes;
    /** The first node: the only one of a single-node measurement. */
    final NodeProcess node;
    /** The machine's busy share just before the run (other programs), percent. */
    final double busyBeforeRunPercent;
    /** {@code /proc/loadavg}'s 1, 5 and 15 minute load averages just before the run. */
    final String loadAverageBeforeRun;
    private final boolean keep;

    private Stack(Path dir, KafkaBroker broker, KafkaProbe kafka, List<NodeProcess> nodes, double busyBefore,
                  String loadBefore, boolean keep) {
        this.busyBeforeRunPercent = busyBefore;
        this.loadAverageBeforeRun = loadBefore;
        this.dir = dir;
        this.broker = broker;
        this.kafka = kafka;
        this.nodes = List.copyOf(nodes);
        this.node = nodes.get(0);
        this.keep = keep;
    }

    /** A broker and one node with the measurement's own properties. */
    static Stack start(LoadBenchmark.Common o, String label, Map<String, String> modeProperties) throws Exception {
        return start(o, label, 1, i -> modeProperties);
    }

    /**
     * A broker and {@code nodeCount} nodes started side by side.
     *
     * @param modeProperties the measurement's own properties of node {@code i} (0-based), over the
     *                       benchmark's and under {@code --node-property}
     */
    static Stack start(LoadBenchmark.Common o, String label, int nodeCount,
                       IntFunction<Map<String, String>> modeProperties) throws Exception {
        double busyBefore = LoadBenchmark.awaitQuiet(o, label);
        String loadBefore = LoadBenchmark.loadAverage();
        Path dir = Files.createTempDirectory(o.workDir, "gb32960-load-" + label + "-");
        KafkaBroker broker = null;
        KafkaProbe kafka = null;
        List<NodeProcess> nodes = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            broker = KafkaBroker.builder(dir.resolve("kafka")).partitions(o.partitions)
                    .jvmOptions(List.of(o.brokerJvm.trim().split("\\s+"))).startTimeout(START_TIMEOUT)
                    .start(); // the run directory is deleted as a whole (unless --keep)
            kafka = new KafkaProbe(broker.bootstrapServers(), Topics.TELEMETRY, o.partitions);
            kafka.createTopic();
            LoadBenchmark.log("%s: broker up on %s in %d ms (pid %s)", label, broker.bootstrapServers(),
                    (System.nanoTime() - t0) / 1_000_000, brokerPid(broker));
            t0 = System.nanoTime();
            for (int i = 0; i < nodeCount; i++) {
                String id = nodeId(nodeCount, i);
                if (o.kafkaQuota > 0) {
                    kafka.limitProducer("gb32960-telemetry-" + id, o.kafkaQuota);
                    LoadBenchmark.log("%s: the telemetry producer of %s is limited to %d bytes/s", label, id,
                            o.kafkaQuota);
                }
                Map<String, String> props = new LinkedHashMap<>(nodeProperties(o, broker, dir.resolve(id), id));
                props.putAll(modeProperties.apply(i));
                props.putAll(o.nodeProperties);
                nodes.add(NodeProcess.launch(Path.of(o.nodeJar), List.of(o.nodeJvm.trim().split("\\s+")), props,
                        dir.resolve(id)));
            }
            for (int i = 0; i < nodeCount; i++) {
                NodeProcess n = nodes.get(i);
                n.awaitReady(START_TIMEOUT);
                LoadBenchmark.log("%s: %s up on port %d after %d ms (pid %d)", label, nodeId(nodeCount, i),
                        n.accessPort(), (System.nanoTime() - t0) / 1_000_000, n.pid());
            }
            return new Stack(dir, broker, kafka, nodes, busyBefore, loadBefore, o.keep || o.jfr);
        } catch (Exception | Error e) {
            nodes.forEach(NodeProcess::close);
            if (kafka != null) {
                kafka.close();
            }
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    /** {@code load-node} alone, {@code load-node-1}, {@code load-node-2}... of several. */
    static String nodeId(int nodeCount, int i) {
        return nodeCount == 1 ? "load-node" : "load-node-" + (i + 1);
    }

    /** What the benchmark sets on every node, besides the ports. */
    static Map<String, String> nodeProperties(LoadBenchmark.Common o, KafkaBroker broker, Path nodeDir, String id) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gb32960.access.node-id", id);
        p.put("spring.data.redis.host", o.redisHost());
        p.put("spring.data.redis.port", Integer.toString(o.redisPort()));
        p.put("spring.kafka.bootstrap-servers", broker == null ? "<broker>" : broker.bootstrapServers());
        p.put("gb32960.access.telemetry.spill-dir", nodeDir == null ? "<node dir>/spill" : nodeDir.resolve("spill").toString());
        return p;
    }

    /** The metrics of every node in one scrape: counters and gauges add up across nodes. */
    Prometheus scrape() throws IOException, InterruptedException {
        List<Prometheus> all = new ArrayList<>(nodes.size());
        for (NodeProcess n : nodes) {
            all.add(n.scrape());
        }
        return Prometheus.merge(all);
    }

    /**
     * Waits until the nodes together count {@code vehicles} vehicles online (their gauges lag the
     * logins a little), at most {@code timeout}; returns the count last seen.
     */
    double awaitOnline(int vehicles, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double online;
        while ((online = scrape().sum("gb32960_vehicles_online")) < vehicles && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return online;
    }

    /** Starts a JFR recording (settings=profile) of every node for {@code duration}, kept in the run directory. */
    void recordJfr(String label, Duration duration) throws IOException, InterruptedException {
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).jcmd("JFR.start", "name=load", "settings=profile", "duration=" + duration.toSeconds() + "s",
                    "filename=" + dir.resolve(nodeId(nodes.size(), i) + "-" + label + ".jfr"));
        }
    }

    /** Ends the recordings of {@link #recordJfr} early; each is written to its file. */
    void stopJfr() throws IOException, InterruptedException {
        for (NodeProcess n : nodes) {
            n.jcmd("JFR.stop", "name=load");
        }
    }

    /** The broker child's pid (the only java child of this JVM whose command runs KafkaBrokerMain). */
    static long brokerPid(KafkaBroker broker) {
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains("io.gb32960.infra.KafkaBrokerMain"))
                        .orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    @Override
    public void close() {
        nodes.forEach(NodeProcess::requestStop); // the nodes shut down side by side
        nodes.forEach(NodeProcess::close);
        kafka.close();
        broker.close();
        if (!keep) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LoadBenchmark.log("could not delete %s: %s", dir, e);
            }
        } else {
            LoadBenchmark.log("kept %s (<node id>/node.log, kafka/broker.log)", dir);
        }
    }
}
