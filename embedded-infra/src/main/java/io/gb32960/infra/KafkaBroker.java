package io.gb32960.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) in a child JVM, for tests and
 * local runs without Docker. It keeps its port and its data across {@link #kill()} / {@link #stop()}
 * and {@link #restart()}, so a test can crash the broker and bring it back the way production
 * would see it.
 * <ul>
 *   <li>The first start formats {@code dataDir} with Kafka's {@code StorageTool} (fixed cluster id,
 *   standalone controller quorum); later starts, also by a new instance on the same directory,
 *   reuse the data and the controller port recorded in {@code server.properties}.</li>
 *   <li>The child runs {@code kafka.Kafka} (through {@link KafkaBrokerMain}, which exits when this
 *   JVM dies) on the classpath of this JVM unless {@link Builder#classpath} says otherwise;
 *   its output goes to {@code dataDir/broker.log}.</li>
 *   <li>{@link #start} returns once an admin client sees the broker in {@code describeCluster}.</li>
 * </ul>
 * Not thread-safe beyond its synchronized lifecycle methods.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Fixed: "GB32960!embedded" as a Kafka UUID. */
    public static final String CLUSTER_ID = new Uuid(0x4742333239363021L, 0x656d626564646564L).toString();
    static final int NODE_ID = 1;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "kafka-broker-reaper"));
    }

    private final BrokerDirectory dir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private final String classpath;
    private final List<String> jvmOptions;
    private final Map<String, String> overrides;
    private final Duration startTimeout;
    private final boolean deleteDataOnClose;
    private final boolean stopOnJvmExit;
    private Process process;

    private KafkaBroker(Builder b) throws IOException {
        this.dir = new BrokerDirectory(b.dataDir);
        this.port = b.port == 0 ? freePort() : b.port;
        this.controllerPort = dir.recordedControllerPort().orElseGet(KafkaBroker::freePortUnchecked);
        this.partitions = b.partitions;
        this.classpath = withLauncher(b.classpath == null ? System.getProperty("java.class.path") : b.classpath);
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.overrides = Map.copyOf(b.overrides);
        this.startTimeout = b.startTimeout;
        this.deleteDataOnClose = b.deleteDataOnClose;
        this.stopOnJvmExit = b.stopOnJvmExit;
    }

    /** Starts a broker on {@code port} (0 = a free port, kept for restarts) with data in {@code dataDir}. */
    public static KafkaBroker start(Path dataDir, int port) {
        return builder(dataDir).port(port).start();
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** {@code 127.0.0.1:port}; the same before and after a restart. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dir.path();
    }

    /** The child's output (appended over restarts). */
    public Path logFile() {
        return dir.logFile();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker again on the same port and data; stops it gracefully first if it runs. */
    public synchronized void restart() {
        if (isRunning()) {
            stop();
        }
        launch();
    }

    /** Graceful stop (SIGTERM: Kafka's controlled shutdown), SIGKILL after 30 s. Data stays. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        forget();
    }

    /** A crash: SIGKILL, no shutdown of any kind. Data written before stays on disk (page cache). */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forget();
    }

    /** Stops the broker; deletes the data directory only when built with {@link Builder#deleteDataOnClose}. */
    @Override
    public synchronized void close() {
        stop();
        if (deleteDataOnClose) {
            dir.delete();
        }
    }

    private void forget() {
        LIVE.remove(process);
        process = null;
    }

    private void launch() {
        if (process != null) {
            forget(); // it died on its own
        }
        try {
            dir.writeServerProperties(port, controllerPort, partitions, overrides);
            dir.formatOnce();
            Path logback = dir.writeLogbackConfig();
            Path argFile = dir.writeArgFile(classpath);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-Dlogback.configurationFile=" + logback);
            command.add("@" + argFile);
            command.add(KafkaBrokerMain.class.getName());
            command.add(dir.serverProperties().toString());
            dir.note("launching the broker on " + bootstrapServers());
            process = new ProcessBuilder(command)
                    .directory(dir.path().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start(); // stdin stays a pipe: KafkaBrokerMain exits when it closes
            if (stopOnJvmExit) {
                LIVE.add(process);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the Kafka broker in " + dir.path(), e);
        }
        awaitReady();
    }

    /** Waits until the port answers (the broker opens it last), then until the broker shows in describeCluster. */
    private void awaitReady() {
        long started = System.nanoTime();
        long deadline = started + startTimeout.toNanos();
        Exception last = null;
        while (!portAnswers()) {
            checkAlive();
            if (System.nanoTime() > deadline) {
                failStart("the port never answered");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                checkAlive();
                try {
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000))
                            .nodes().get(2, TimeUnit.SECONDS);
                    if (nodes.stream().anyMatch(n -> n.id() == NODE_ID && n.port() == port)) {
                        dir.note("ready after " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
                } catch (Exception e) {
                    last = e; // not ready yet
                }
            }
        }
        failStart("last error: " + last);
    }

    private boolean portAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            int exit = process.exitValue();
            forget();
            throw new IllegalStateException("the Kafka broker exited with " + exit + " while starting; "
                    + "last lines of " + logFile() + ":\n" + dir.tail(40));
        }
    }

    private void failStart(String why) {
        kill();
        throw new IllegalStateException("the Kafka broker did not become ready on " + bootstrapServers() + " within "
                + startTimeout + " (" + why + "); last lines of " + logFile() + ":\n" + dir.tail(40));
    }

    /**
     * The child needs {@link KafkaBrokerMain}: add where it was loaded from when the classpath lacks
     * it. Entries are made absolute: the child runs in the broker's directory, not in ours (a
     * {@code java -jar relative/path.jar} parent would otherwise give it a classpath it cannot find).
     */
    private static String withLauncher(String classpath) {
        List<String> entries = java.util.Arrays.stream(classpath.split(File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Path.of(e).toAbsolutePath().toString()).toList();
        String absolute = String.join(File.pathSeparator, entries);
        try {
            String own = Path.of(KafkaBrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            return entries.contains(own) ? absolute : own + File.pathSeparator + absolute;
        } catch (URISyntaxException | RuntimeException e) {
            return absolute;
        }
    }

    private static int freePortUnchecked() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free on 127.0.0.1 right now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Settings of a {@link KafkaBroker}. */
    public static final class Builder {

        private final Path dataDir;
        private int port;
        private int partitions = 1;
        private String classpath;
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Djava.awt.headless=true"));
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);
        private boolean deleteDataOnClose;
        private boolean stopOnJvmExit = true;

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        /** The PLAINTEXT port on 127.0.0.1; 0 (default) = a free port, chosen once and kept. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** {@code num.partitions} of auto-created topics (default 1). */
        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /** The child's classpath (default: this JVM's {@code java.class.path}); needs kafka_2.13's runtime jars. */
        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /** Replaces the child's JVM options (default: small heap, serial GC, C1 only: a quick start on 2 cores). */
        public Builder jvmOptions(List<String> options) {
            jvmOptions.clear();
            jvmOptions.addAll(options);
            return this;
        }

        /** Any broker setting, written to server.properties after the defaults. */
        public Builder property(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Whether a JVM shutdown hook kills the broker (default true). An owner that closes it in
         * its own order at shutdown (after the clients that still flush to it) sets false; the
         * broker still exits on its own when this JVM dies, as its stdin closes.
         */
        public Builder stopOnJvmExit(boolean stop) {
            this.stopOnJvmExit = stop;
            return this;
        }

        /** {@link KafkaBroker#close()} also deletes the data directory. */
        public Builder deleteDataOnClose(boolean delete) {
            this.deleteDataOnClose = delete;
            return this;
        }

        /** Formats (first use), launches and waits until the broker is ready. */
        public KafkaBroker start() {
            KafkaBroker broker;
            try {
                broker = new KafkaBroker(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            synchronized (broker) {
                broker.launch();
            }
            return broker;
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + dir.path() + (isRunning() ? ", running]" : ", stopped]");
    }
}
