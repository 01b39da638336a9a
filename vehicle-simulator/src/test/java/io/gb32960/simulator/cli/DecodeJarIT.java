package io.gb32960.simulator.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged jar as a user does: {@code java -jar target/gb32960.jar decode}. */
class DecodeJarIT {

    @Test
    void thePackagedJarDecodesStdin() throws IOException, InterruptedException {
        Path jar = Path.of("target", "gb32960.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-jar", jar.toString(), "decode").redirectErrorStream(true).start();
        p.getOutputStream().write((DecodeCommandTest.HEARTBEAT + "\nnot-hex\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out.lines().toList()).hasSize(2);
        assertThat(out.lines().findFirst().orElseThrow()).contains("\"command\":\"heartbeat\"");
        assertThat(out).contains("\"error\":\"invalid hex");
    }

    @Test
    void helpListsTheDecodeCommand() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-jar", Files.isRegularFile(Path.of("target/gb32960.jar"))
                ? "target/gb32960.jar" : "missing.jar", "--help").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("decode");
    }
}
