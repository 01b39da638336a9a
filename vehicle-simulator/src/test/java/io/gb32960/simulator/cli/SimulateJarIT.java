package io.gb32960.simulator.cli;

import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.simulator.sim.FakePlatform;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code java -jar target/gb32960.jar simulate} against an in-test platform. */
class SimulateJarIT {

    private static Process start(Path stderr, String... args) throws IOException {
        Path jar = Path.of("target", "gb32960.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    @Test
    void thePackagedJarSimulatesVehicles() throws Exception {
        Path stderr = File.createTempFile("simulate", ".err").toPath();
        try (FakePlatform platform = new FakePlatform()) {
            Process p = start(stderr, "simulate", "--port", String.valueOf(platform.port()), "--vehicles", "20",
                    "--interval", "200ms", "--heartbeat", "300ms", "--duration", "2s", "--progress", "500ms");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

            String err = Files.readString(stderr);
            assertThat(p.exitValue()).as(err).isZero();
            JsonNode summary = JsonMapper.builder().build().readTree(out);
            assertThat(summary.at("/responses/vehicleLogin/success").asLong()).isEqualTo(20);
            assertThat(summary.at("/framesSent/realtimeReport").asLong()).isGreaterThanOrEqualTo(20);
            assertThat(summary.get("errors").asLong()).isZero();
            assertThat(err).contains("logged in 20");
            assertThat(platform.vins()).hasSize(20);
            assertThat(platform.count(TelemetryReport.class)).isGreaterThanOrEqualTo(20);
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    @Test
    void badOptionsExitWithStatusTwo() throws Exception {
        Path stderr = File.createTempFile("simulate", ".err").toPath();
        try {
            Process p = start(stderr, "simulate", "--edition", "1999");
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(2);
            assertThat(Files.readString(stderr)).contains("edition must be 2016 or 2025");
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
