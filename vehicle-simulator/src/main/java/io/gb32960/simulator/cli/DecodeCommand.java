package io.gb32960.simulator.cli;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.codec.Direction;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.ProfileResolver;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.codec.TerminalProfile;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.protocol.json.Gb32960Json;
import io.gb32960.protocol.wire.Hex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Decodes hex frames, one per line (spaces allowed), into one JSON object per line. A line that
 * does not decode prints {@code {"error": "...", "hex": "..."}} and the others go on; the exit
 * status is 1 if any line failed.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode GB/T 32960 frames given as hex, one per line on stdin or with --hex.",
            "Prints one JSON object per frame (fields: docs/telemetry-json.md); blank lines and lines starting with # are skipped.",
            "Exit status: 0 when every frame decoded, 1 when any failed, 2 on bad options."})
final class DecodeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--hex", paramLabel = "HEX", description = "A frame as hex; repeatable. Without it, frames are read from stdin.")
    private List<String> hexFrames = new ArrayList<>();

    @Option(names = "--downlink", description = "Decode frames sent by a platform (query/set/control commands) rather than by a terminal.")
    private boolean downlink;

    @Option(names = "--upgrade-layout", paramLabel = "LAYOUT", defaultValue = "TABLE_B16_BINARY",
            description = "Remote-upgrade layout of 0x82/0x01: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private UpgradeLayout upgradeLayout;

    @Option(names = "--key", paramLabel = "SPEC", description = "A decryption or signature key; repeatable. See --help-keys.")
    private List<String> keys = new ArrayList<>();

    @Option(names = "--key-file", paramLabel = "FILE", description = "A file of key specs, one per line (# comments).")
    private java.nio.file.Path keyFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Gb32960Decoder decoder = new Gb32960Decoder(downlink ? Direction.DOWNLINK : Direction.UPLINK,
                ProfileResolver.fixed(new TerminalProfile("cli", ResponseStyle.TIME_ONLY, upgradeLayout)),
                CliKeys.provider(keys, keyFile));
        Gb32960Json json = new Gb32960Json();
        boolean failed = false;
        if (!hexFrames.isEmpty()) {
            for (String hex : hexFrames) {
                failed |= !decodeLine(hex, decoder, json, out);
            }
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                failed |= !decodeLine(trimmed, decoder, json, out);
            }
        }
        out.flush();
        return failed ? 1 : 0;
    }

    private static boolean decodeLine(String hex, Gb32960Decoder decoder, Gb32960Json json, PrintWriter out) {
        byte[] frame;
        try {
            frame = Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            out.println(json.error("invalid hex: " + e.getMessage(), hex.replaceAll("\\s", "")));
            return false;
        }
        try {
            out.println(json.toJson(decoder.decodeOwned(frame)));
            return true;
        } catch (Gb32960DecodeException e) {
            out.println(json.error(reason(e.error(), e.getMessage()), Hex.encode(frame)));
            return false;
        }
    }

    private static String reason(DecodeError error, String message) {
        return error.name() + ": " + message;
    }

}
