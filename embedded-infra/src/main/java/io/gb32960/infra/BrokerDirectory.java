package io.gb32960.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of a {@link KafkaBroker}: {@code server.properties} (which also records the controller
 * port), the formatted {@code kafka-logs}, the child's log, its logback configuration and its
 * java argument file.
 */
final class BrokerDirectory {

    private static final String LOGS = "kafka-logs";
    private static final String CONTROLLER_PORT_KEY = "# controller.port=";

    private final Path dataDir;

    BrokerDirectory(Path dataDir) throws IOException {
        this.dataDir = dataDir.toAbsolutePath();
        Files.createDirectories(this.dataDir);
    }

    Path path() {
        return dataDir;
    }

    Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    Path logFile() {
        return dataDir.resolve("broker.log");
    }

    /** The controller port of an earlier run: the formatted quorum names its endpoint. */
    Optional<Integer> recordedControllerPort() throws IOException {
        Path file = serverProperties();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(CONTROLLER_PORT_KEY)).findFirst()
                    .map(l -> Integer.parseInt(l.substring(CONTROLLER_PORT_KEY.length()).trim()));
        }
    }

    /** Rewritten on every launch from the broker's settings; {@code overrides} win. */
    void writeServerProperties(int port, int controllerPort, int partitions, Map<String, String> overrides)
            throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(KafkaBroker.NODE_ID));
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve(LOGS).toString());
        p.put("num.partitions", Integer.toString(partitions));
        p.put("auto.create.topics.enable", "true");
        // one broker: every internal topic with one replica, or consumers never find a coordinator
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // small machine: few threads, a small cleaner buffer (the default allocates 128 MB at start)
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        // after a crash the new incarnation waits for the old one's session to expire (default 9 s)
        p.put("broker.heartbeat.interval.ms", "400");
        p.put("broker.session.timeout.ms", "2000");
        p.putAll(overrides);
        StringBuilder text = new StringBuilder("# written by io.gb32960.infra.KafkaBroker\n")
                .append(CONTROLLER_PORT_KEY).append(controllerPort).append('\n');
        p.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(serverProperties(), text);
    }

    /** Formats the log directory on first use (Kafka's StorageTool, in this JVM; it does not exit it). */
    void formatOnce() {
        if (Files.exists(dataDir.resolve(LOGS).resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            exit = kafka.tools.StorageTool$.MODULE$.execute(new String[] {"format",
                    "--cluster-id", KafkaBroker.CLUSTER_ID, "--config", serverProperties().toString(),
                    "--standalone", "--ignore-formatted"}, print);
        } catch (Exception e) {
            throw new IllegalStateException("formatting " + dataDir + " failed: "
                    + out.toString(StandardCharsets.UTF_8), e);
        }
        if (exit != 0) {
            throw new IllegalStateException("formatting " + dataDir + " failed (" + exit + "): "
                    + out.toString(StandardCharsets.UTF_8));
        }
    }

    /** Child logging when logback is on its classpath. */
    Path writeLogbackConfig() throws IOException {
        Path file = dataDir.resolve("broker-logback.xml");
        Files.writeString(file, LOGBACK);
        return file;
    }

    /** A java launcher argument file with the classpath (no command-line length limit to worry about). */
    Path writeArgFile(String classpath) throws IOException {
        Path file = dataDir.resolve("broker.args");
        Files.writeString(file, "-cp " + quoted(classpath) + System.lineSeparator());
        return file;
    }

    /** An argument file value: quoted, with backslashes and quotes escaped (java launcher rules). */
    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A line of our own in the broker log, between the child's runs. */
    void note(String text) {
        try {
            Files.writeString(logFile(), "=== " + LocalTime.now() + " " + text + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    void delete() {
        FileTrees.delete(dataDir);
    }

    /** Kafka's INFO startup lines, warnings of the rest. */
    private static final String LOGBACK = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
              <logger name="kafka.server.BrokerServer" level="INFO"/>
              <logger name="kafka.server.ControllerServer" level="INFO"/>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>
            """;

}
