package io.gb32960.simulator.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecodeCommandTest {

    /** 2016 heartbeat of VIN 1G1BL52P7TR115520. */
    static final String HEARTBEAT = "232307fe314731424c353250375452313135353230010000d5";
    /** 2025 vehicle logout, serial 1. */
    static final String LOGOUT_2025 = "242404fe314731424c353250375452313135353230010008" + "1a0b15080000" + "0001" + "d3";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private record Run(int exitCode, List<String> lines) {
    }

    private static Run run(String stdin, String... args) {
        CommandLine cli = Gb32960Cli.newCommandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        InputStream previous = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = cli.execute(args);
            return new Run(code, out.toString().lines().toList());
        } finally {
            System.setIn(previous);
        }
    }

    private static JsonNode json(String line) {
        return MAPPER.readTree(line);
    }

    @Test
    void decodesEveryStdinLineToOneJsonObject() {
        Run run = run("# a comment\n" + HEARTBEAT + "\n\n" + spaced(LOGOUT_2025) + "\n", "decode");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(2);
        JsonNode heartbeat = json(run.lines().get(0));
        assertThat(heartbeat.get("edition").asString()).isEqualTo("2016");
        assertThat(heartbeat.get("command").asString()).isEqualTo("heartbeat");
        assertThat(heartbeat.get("vin").asString()).isEqualTo("1G1BL52P7TR115520");
        JsonNode logout = json(run.lines().get(1));
        assertThat(logout.get("edition").asString()).isEqualTo("2025");
        assertThat(logout.get("serial").asInt()).isEqualTo(1);
        assertThat(logout.get("time").asString()).isEqualTo("2026-11-21T08:00:00+08:00");
    }

    @Test
    void aBadLinePrintsAnErrorObjectTheOthersGoOnAndTheExitStatusIsOne() {
        String badBcc = HEARTBEAT.substring(0, HEARTBEAT.length() - 2) + "15";
        Run run = run(badBcc + "\nzz\n" + HEARTBEAT + "\n", "decode");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).hasSize(3);
        JsonNode first = json(run.lines().get(0));
        assertThat(first.get("error").asString()).startsWith("BAD_BCC");
        assertThat(first.get("hex").asString()).isEqualTo(badBcc);
        assertThat(json(run.lines().get(1)).get("error").asString()).startsWith("invalid hex");
        assertThat(json(run.lines().get(2)).get("command").asString()).isEqualTo("heartbeat");
    }

    @Test
    void hexOptionsReplaceStdin() {
        Run run = run("ignored\n", "decode", "--hex", HEARTBEAT, "--hex", LOGOUT_2025);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).extracting(l -> json(l).get("command").asString())
                .containsExactly("heartbeat", "vehicleLogout");
    }

    @Test
    void aKeyDecryptsAnAesDataUnit(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // 2016 vehicle logout whose data unit (time 26-11-21 08:00:00, serial 1) is AES-128-CBC encrypted
        // with key 000102..0f and a zero IV; built by EncryptedFrames below from the plaintext.
        String frame = EncryptedFrames.aesLogout2016();
        Run withoutKey = run("", "decode", "--hex", frame);
        assertThat(json(withoutKey.lines().get(0)).get("decrypted").asBoolean()).isFalse();

        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "# test key\n1G1BL52P7TR115520=aes:000102030405060708090a0b0c0d0e0f\n");
        Run withKey = run("", "decode", "--key-file", keys.toString(), "--hex", frame);
        assertThat(withKey.exitCode()).isZero();
        JsonNode logout = json(withKey.lines().get(0));
        assertThat(logout.get("encryption").asString()).isEqualTo("AES128");
        assertThat(logout.get("serial").asInt()).isEqualTo(1);

        Run withOption = run("", "decode", "--key", "aes:000102030405060708090a0b0c0d0e0f", "--hex", frame);
        assertThat(json(withOption.lines().get(0)).get("serial").asInt()).isEqualTo(1);
    }

    @Test
    void aMalformedKeySpecIsAUsageError() {
        Run run = run("", "decode", "--key", "aes:nothex", "--hex", HEARTBEAT);
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.lines()).isEmpty();
    }

    private static String spaced(String hex) {
        return hex.replaceAll("(..)", "$1 ");
    }
}
