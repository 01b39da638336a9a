package io.gb32960.benchmarks.load;

import io.gb32960.infra.KafkaBroker;
import io.gb32960.platform.common.kafka.Topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run's infrastructure: a fresh Kafka broker (child JVM, data in a temporary directory), the
 * telemetry topic, and a fresh access node (child JVM) wired to it and to Redis.
 */
final class Stack implements AutoCloseable {

    final Path dir;
    final KafkaBroker broker;
    final KafkaProbe kafka;
    final NodeProcess node;
    /** The machine's busy share just before the run (other programs), percent. */
    final double busyBeforeRunPercent;
    private final boolean keep;

    private Stack(Path dir, KafkaBroker broker, KafkaProbe kafka, NodeProcess node, double busyBefore, boolean keep) {
        this.busyBeforeRunPercent = busyBefore;
        this.dir = dir;
        this.broker = broker;
        this.kafka = kafka;
        this.node = node;
        this.keep = keep;
    }

    static Stack start(LoadBenchmark.Common o, String label, Map<String, String> modeProperties) throws Exception {
        double busyBefore = LoadBenchmark.awaitQuiet(o, label);
        Path dir = Files.createTempDirectory(o.workDir, "gb32960-load-" + label + "-");
        KafkaBroker broker = null;
        KafkaProbe kafka = null;
        try {
            long t0 = System.nanoTime();
            broker = KafkaBroker.builder(dir.resolve("kafka")).partitions(o.partitions)
                    .jvmOptions(List.of(o.brokerJvm.trim().split("\\s+"))).startTimeout(Duration.ofSeconds(120))
                    .start(); // the run directory is deleted as a whole (unless --keep)
            kafka = new KafkaProbe(broker.bootstrapServers(), Topics.TELEMETRY, o.partitions);
            kafka.createTopic();
            if (o.kafkaQuota > 0) {
                kafka.limitProducer("gb32960-telemetry-load-node", o.kafkaQuota);
                LoadBenchmark.log("%s: the node's telemetry producer is limited to %d bytes/s", label, o.kafkaQuota);
            }
            LoadBenchmark.log("%s: broker up on %s in %d ms (pid %s)", label, broker.bootstrapServers(),
                    (System.nanoTime() - t0) / 1_000_000, brokerPid(broker));
            Map<String, String> props = new LinkedHashMap<>(nodeProperties(o, broker, dir));
            props.putAll(modeProperties);
            props.putAll(o.nodeProperties);
            t0 = System.nanoTime();
            NodeProcess node = NodeProcess.start(Path.of(o.nodeJar), List.of(o.nodeJvm.trim().split("\\s+")), props,
                    dir, Duration.ofSeconds(120));
            LoadBenchmark.log("%s: node up on port %d in %d ms (pid %d)", label, node.accessPort(),
                    (System.nanoTime() - t0) / 1_000_000, node.pid());
            return new Stack(dir, broker, kafka, node, busyBefore, o.keep || o.jfr);
        } catch (Exception | Error e) {
            if (kafka != null) {
                kafka.close();
            }
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    /** What the benchmark sets on every node, besides the ports. */
    static Map<String, String> nodeProperties(LoadBenchmark.Common o, KafkaBroker broker, Path dir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gb32960.access.node-id", "load-node");
        p.put("spring.data.redis.host", o.redisHost());
        p.put("spring.data.redis.port", Integer.toString(o.redisPort()));
        p.put("spring.kafka.bootstrap-servers", broker == null ? "<broker>" : broker.bootstrapServers());
        p.put("gb32960.access.telemetry.spill-dir", dir == null ? "<run dir>/spill" : dir.resolve("spill").toString());
        return p;
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
        node.close();
        kafka.close();
        broker.close();
        if (!keep) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LoadBenchmark.log("could not delete %s: %s", dir, e);
            }
        } else {
            LoadBenchmark.log("kept %s (node.log, kafka/broker.log)", dir);
        }
    }
}
