package io.gb32960.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged launcher as a user runs it: free ports, a fresh data directory; ready means
 * endpoints.json; the demo vehicles log in through dispatch; a stop (SIGTERM, as Ctrl-C) leaves no
 * process behind; a killed launcher's leftovers are stopped by the next start.
 */
class StandaloneJarIT {

    private static final Path JAR = Path.of("target", "gb32960-standalone.jar");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the launcher's log
    Path dir;

    private Process launch(Path data, String... extra) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
                JAR.toAbsolutePath().toString(), "--data-dir", data.toString(), "--access-port", "0",
                "--dispatch-port", "0", "--admin-port", "0", "--ota-port", "0"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static String endpoint(Path data, String name) throws IOException {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\": \"([^\"]*)\"")
                .matcher(Files.readString(data.resolve("endpoints.json")));
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    private static double metric(String prometheusUrl, String name) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(prometheusUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.E]+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void startsWithDemoVehiclesStopsCleanlyAndCleansUpAfterACrash() throws Exception {
        Path data = dir.resolve("data");
        Process launcher = launch(data, "--demo-vehicles", "10", "--demo-interval", "2");
        try {
            await().atMost(Duration.ofSeconds(180))
                    .until(() -> Files.exists(data.resolve("endpoints.json")) || !launcher.isAlive());
            assertThat(launcher.isAlive()).as("launcher running (its log is in %s)", dir).isTrue();
            String prometheus = endpoint(data, "access actuator");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> metric(prometheus, "gb32960_vehicles_online") == 10.0);
            List<ProcessHandle> children = launcher.toHandle().descendants().toList();
            assertThat(children).isNotEmpty();

            launcher.destroy(); // SIGTERM, as Ctrl-C
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(20)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(data.resolve("run").resolve("launcher.pid")).doesNotExist();
        } finally {
            launcher.destroyForcibly();
        }

        // a crash: the launcher dies without its shutdown hook; the next start stops what it left
        Process crashed = launch(data, "--demo-vehicles", "0");
        List<ProcessHandle> orphans;
        try {
            await().atMost(Duration.ofSeconds(180)).until(() -> Files.exists(data.resolve("endpoints.json")));
            orphans = crashed.toHandle().descendants().toList();
        } finally {
            crashed.destroyForcibly();
        }
        assertThat(crashed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.delete(data.resolve("endpoints.json"));
        Process next = launch(data, "--demo-vehicles", "0");
        try {
            await().atMost(Duration.ofSeconds(180)).until(() -> Files.exists(data.resolve("endpoints.json")));
            assertThat(orphans).allSatisfy(p -> assertThat(p.isAlive()).as("left by the crash: %s", p.pid()).isFalse());
        } finally {
            next.destroy();
            next.waitFor(60, TimeUnit.SECONDS);
            next.destroyForcibly();
        }
    }
}
