package io.gb32960.access;

import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationConfig;
import io.gb32960.simulator.sim.SimulationSummary;
import io.gb32960.simulator.sim.VehicleIdentities;
import io.gb32960.simulator.sim.VehicleIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped nginx stream configuration ({@code deploy/nginx}) in front of the dispatch listeners
 * of two nodes, with the PROXY protocol on: a real nginx, real nodes, the simulator's dispatch flow.
 * Skips itself when no nginx is installed.
 */
@ExtendWith(EmbeddedRedisExtension.class)
@EmbeddedKafka(partitions = 1, topics = {Topics.TELEMETRY, Topics.VEHICLE_EVENTS, Topics.INVALID_FRAMES})
class NginxDispatchTest {

    private static final String ACCOUNT = "nginx-test";
    private static final String PASSWORD = "secret-1";
    private static final Path TEMPLATE = Path.of("..", "deploy", "nginx", "gb32960-dispatch.conf.template");

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static Process nginx;
    private static int listen;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Path binary = Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx", "/usr/local/bin/nginx",
                        "/opt/homebrew/bin/nginx").map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(binary != null, "no nginx binary installed: skipping the SLB test (apt-get install nginx-core)");
        assertThat(TEMPLATE).exists();
        String[] dispatch = {"--gb32960.access.dispatch.enabled=true", "--gb32960.access.dispatch.port=0",
                "--gb32960.access.dispatch.proxy-protocol=true", "--gb32960.access.require-session-token=true"};
        nodeA = TestNodes.start("nginx-a", dispatch);
        nodeB = TestNodes.start("nginx-b", dispatch);
        TestNodes.account(nodeA, ACCOUNT, PASSWORD);
        try (ServerSocket s = new ServerSocket(0)) {
            listen = s.getLocalPort();
        }
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, nginxConf(List.of("127.0.0.1:" + TestNodes.dispatchPort(nodeA),
                "127.0.0.1:" + TestNodes.dispatchPort(nodeB))));
        nginx = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", conf.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            assertThat(nginx.isAlive()).as("nginx runs (see %s)", dir.resolve("error.log")).isTrue();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", listen), 500);
                return true;
            }
        });
    }

    /** The shipped template rendered as render.sh does, inside a minimal nginx.conf of our own. */
    private static String nginxConf(List<String> servers) throws IOException {
        String serverLines = servers.stream().map(s -> "        server " + s + " max_fails=3 fail_timeout=10s;")
                .collect(Collectors.joining("\n"));
        String stream = Files.readAllLines(TEMPLATE).stream()
                .map(line -> line.contains("${SERVERS}") ? serverLines : line.replace("${LISTEN}", "127.0.0.1:" + listen))
                .collect(Collectors.joining("\n"));
        Path module = Path.of("/usr/lib/nginx/modules/ngx_stream_module.so");
        return (Files.exists(module) ? "load_module " + module + ";\n" : "")
                + "worker_processes 1;\n"
                + "pid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("error.log") + " info;\n"
                + "events { worker_connections 1024; }\n"
                + stream + "\n";
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.destroy();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void terminalsLogInThroughNginxAndSpreadOverBothNodes() throws Exception {
        List<VehicleIdentity> vehicles = VehicleIdentities.pattern("LNGINX%011d", 1, 20);
        TestNodes.register(nodeA, vehicles.stream().map(VehicleIdentity::vin).toList());
        Simulation sim = new Simulation(SimulationConfig.builder().vehicles(vehicles).port(1)
                .dispatch(new SimulationConfig.Dispatch("127.0.0.1", listen, ACCOUNT, PASSWORD))
                .interval(Duration.ofSeconds(1)).rampUp(Duration.ofMillis(500)).threads(1).build());
        sim.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> sim.progress().loggedIn() == vehicles.size());
            SimulationSummary.Dispatch d = sim.summary().dispatch();
            assertThat(d.successes()).isEqualTo(vehicles.size());
            assertThat(d.refusals()).isZero();
            Map<String, Integer> byNode = d.nodes();
            assertThat(byNode.keySet()).containsExactlyInAnyOrder(
                    "127.0.0.1:" + TestNodes.accessPort(nodeA), "127.0.0.1:" + TestNodes.accessPort(nodeB));
            assertThat(byNode.values()).allSatisfy(n -> assertThat(n).isBetween(8, 12));
        } finally {
            sim.stop();
        }
    }

    @Test
    void aNodeWithProxyProtocolOnClosesConnectionsWithoutTheHeader() throws Exception {
        try (Socket s = new Socket("127.0.0.1", TestNodes.dispatchPort(nodeA))) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("##\u0005\u00fe".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(new byte[40]);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            assertThat(in.read()).as("closed without an answer").isEqualTo(-1);
        }
    }
}
