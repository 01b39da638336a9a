package io.gb32960.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged access node ({@code java -jar access-server-*.jar}) as a child JVM on free ports,
 * with its output in a log file. Stopping sends SIGTERM (the node's graceful shutdown: close
 * connections, flush Kafka and the spill), SIGKILL after a minute.
 */
final class NodeProcess implements AutoCloseable {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "node-reaper"));
    }

    private final Process process;
    private final int accessPort;
    private final int httpPort;
    private final Path log;
    private final List<String> command;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private NodeProcess(Process process, int accessPort, int httpPort, Path log, List<String> command) {
        this.process = process;
        this.accessPort = accessPort;
        this.httpPort = httpPort;
        this.log = log;
        this.command = command;
    }

    /**
     * Launches the node and returns at once; {@link #awaitReady} waits until it serves. Several nodes
     * launched before any is awaited start side by side.
     *
     * @param properties Spring properties passed as {@code --key=value} (after the benchmark's own)
     * @param workDir    the node's working directory (its node.log, its spill)
     */
    static NodeProcess launch(Path jar, List<String> jvmOptions, Map<String, String> properties, Path workDir)
            throws IOException {
        int accessPort = freePort();
        int httpPort = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        cmd.add("--gb32960.access.port=" + accessPort);
        cmd.add("--server.port=" + httpPort);
        properties.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        Files.createDirectories(workDir);
        Path log = workDir.resolve("node.log");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        LIVE.add(p);
        return new NodeProcess(p, accessPort, httpPort, log, List.copyOf(cmd));
    }

    /** Waits until the vehicle listener accepts and Actuator answers; stops the node when it does not. */
    void awaitReady(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node exited with " + process.exitValue() + "; see " + log
                        + ":\n" + tail(30));
            }
            if (portAnswers(accessPort)) {
                try {
                    scrape();
                    return;
                } catch (IOException e) {
                    // Actuator not up yet
                }
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("the node did not become ready within " + timeout + "; see " + log
                + ":\n" + tail(30));
    }

    int accessPort() {
        return accessPort;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    List<String> command() {
        return command;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The node's Prometheus metrics now. */
    Prometheus scrape() throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IOException("prometheus endpoint answered " + r.statusCode());
        }
        return Prometheus.parse(r.body());
    }

    /** {@code jcmd <pid> GC.run}, then the heap used (KB) from {@code GC.heap_info}. */
    long heapUsedAfterFullGcKb() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find()) {
            throw new IOException("no 'used NK' in GC.heap_info:\n" + info);
        }
        return Long.parseLong(m.group(1));
    }

    /** Runs {@code jcmd <pid> <args>} and returns its output. */
    String jcmd(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(Long.toString(process.pid()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + String.join(" ", args) + " did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGTERM without waiting: the graceful shutdown begins. */
    void requestStop() {
        process.destroy();
    }

    /** SIGTERM and wait for the graceful shutdown (flushes Kafka); SIGKILL after 60 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        LIVE.remove(process);
    }

    static boolean portAnswers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A free port below the kernel's ephemeral range. A port the kernel hands out (port 0) may be
     * taken as the local port of an outgoing connection (a node's own Redis and Kafka clients, the
     * load generator's tens of thousands of connections) between being picked and being bound by
     * the node; a run saw "Address already in use" that way.
     */
    static int freePort() throws IOException {
        int ephemeralLow = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(10_000, ephemeralLow);
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 10000 and " + ephemeralLow);
    }

    private static int ephemeralRangeStart() {
        try {
            // readString stops short on /proc files (they report size 0)
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
