package io.gb32960.simulator.cli;

import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.simulator.sim.FakeDispatcher;
import io.gb32960.simulator.sim.FakePlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private FakePlatform platform;

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void startPlatform() throws InterruptedException {
        platform = new FakePlatform();
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    private static Run run(String... args) {
        CommandLine cli = Gb32960Cli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run simulate(String... extra) {
        List<String> args = new ArrayList<>(List.of("simulate", "--port", String.valueOf(platform.port()),
                "--interval", "100ms", "--heartbeat", "200ms", "--duration", "1500ms", "--progress", "300ms"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void aShortRunPrintsProgressToStderrAndTheSummaryToStdout() {
        Run run = simulate("--vehicles", "5", "--edition", "2025");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(1);
        JsonNode summary = MAPPER.readTree(run.out());
        assertThat(summary.get("edition").asString()).isEqualTo("2025");
        assertThat(summary.get("vehicles").asInt()).isEqualTo(5);
        assertThat(summary.at("/framesSent/vehicleLogin").asLong()).isEqualTo(5);
        assertThat(summary.at("/framesSent/realtimeReport").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(summary.at("/framesSent/heartbeat").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(summary.at("/framesSent/timeCalibration").asLong()).isEqualTo(5);
        assertThat(summary.at("/responses/vehicleLogin/success").asLong()).isEqualTo(5);
        assertThat(summary.at("/responses/heartbeat/success").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(summary.at("/latencyMs/vehicleLogin/count").asLong()).isEqualTo(5);
        assertThat(summary.at("/latencyMs/heartbeat/p99").asDouble()).isPositive();
        assertThat(summary.get("errors").asLong()).isZero();
        assertThat(summary.get("loginFailures").asLong()).isZero();
        assertThat(summary.get("reconnects").asLong()).isZero();
        assertThat(summary.get("bytesSent").asLong()).isPositive();
        assertThat(summary.get("durationSeconds").asDouble()).isBetween(1.4, 5.0);
        assertThat(run.err()).contains("simulating 5 vehicles (2025").contains("logged in 5").contains("frames/s");
        assertThat(platform.vins()).hasSize(5);
    }

    @Test
    void vinsAndIccidsComeFromTheVinFileOverNio(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fleet.txt");
        Files.writeString(file, "LSVAU2180N2183294,89860000000000000001\nLFV2A21K7N4012345\n");
        Run run = simulate("--vin-file", file.toString(), "--transport", "nio", "--threads", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = MAPPER.readTree(run.out());
        assertThat(summary.get("transport").asString()).isEqualTo("nio");
        assertThat(summary.get("threads").asInt()).isEqualTo(2);
        assertThat(summary.get("vehicles").asInt()).isEqualTo(2);
        assertThat(platform.vins()).containsExactlyInAnyOrder("LSVAU2180N2183294", "LFV2A21K7N4012345");
        assertThat(platform.messages("LSVAU2180N2183294", VehicleLogin.class)).singleElement()
                .satisfies(l -> assertThat(l.iccid().text()).isEqualTo("89860000000000000001"));
        assertThat(platform.messages("LFV2A21K7N4012345", TelemetryReport.class)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--edition=2019", "--interval=0", "--interval=abc", "--vehicles=0", "--port=70000", "--transport=FOO",
        "--vin-pattern=LGB32960SIMULATOR%06d", "--vin-pattern=%s%s", "--vin-file=/nonexistent/vins.txt",
        "--origin=north", "--login-attempts=0", "--time-scale=-1", "--host=no-such-host.invalid", "--unknown",
        "--dispatch=127.0.0.1:32961", "--account=fleet01"})
    void badOptionsExitWithStatusTwo(String option) {
        Run run = run("simulate", option, "--duration", "1s");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:0", "127.0.0.1:x", ":32961", "no-such-host.invalid:32961"})
    void aBadDispatchAddressExitsWithStatusTwo(String address) {
        Run run = run("simulate", "--dispatch", address, "--account", "a", "--password", "p", "--duration", "1s");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).isNotBlank();
    }

    @Test
    void anAccountLongerThanTwelveCharactersIsABadOption() {
        Run run = run("simulate", "--dispatch", "127.0.0.1:32961", "--account", "a-very-long-account", "--password", "p");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("account");
    }

    @Test
    void withDispatchEachVehicleIsAssignedItsNodeAndTheSummaryCountsIt() throws InterruptedException {
        platform.tokens = new FakeDispatcher(platform);
        try (FakeDispatcher dispatcher = platform.tokens) {
            Run run = run("simulate", "--dispatch", "127.0.0.1:" + dispatcher.port(), "--account", FakeDispatcher.ACCOUNT,
                    "--password", FakeDispatcher.PASSWORD, "--vehicles", "4", "--interval", "100ms",
                    "--duration", "1200ms", "--progress", "0");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("against dispatcher 127.0.0.1:" + dispatcher.port());
            JsonNode summary = MAPPER.readTree(run.out());
            assertThat(summary.at("/dispatch/attempts").asLong()).isEqualTo(4);
            assertThat(summary.at("/dispatch/successes").asLong()).isEqualTo(4);
            assertThat(summary.at("/dispatch/refusals").asLong()).isZero();
            assertThat(summary.at("/dispatch/nodes").get("127.0.0.1:" + platform.port()).asInt()).isEqualTo(4);
            assertThat(summary.at("/responses/vehicleLogin/success").asLong()).isEqualTo(4);
            assertThat(platform.tokenRefusals()).isZero();
            assertThat(platform.vins()).hasSize(4);
        }
    }

    @Test
    void moreVehiclesThanTheVinFileHoldsIsABadOption(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fleet.txt");
        Files.writeString(file, "LSVAU2180N2183294\n");
        Run run = run("simulate", "--vin-file", file.toString(), "--vehicles", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("has only 1 VINs");
    }

    @Test
    void helpDescribesTheOptions() {
        Run run = run("simulate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--login-retry", "--login-backoff", "--ramp-up", "--vin-file", "--vin-pattern",
                "--dispatch", "--account", "--password");
    }
}
