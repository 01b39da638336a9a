package io.gb32960.simulator.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;

/** Sources of {@link VehicleIdentity}s: a VIN file or a numbered pattern. */
public final class VehicleIdentities {

    /** The default pattern: 11 characters and a 6-digit number make a 17-character VIN. */
    public static final String DEFAULT_PATTERN = "LGB32960SIM%06d";

    private VehicleIdentities() {
    }

    /**
     * {@code count} identities {@code String.format(pattern, start)}, {@code start + 1}, ... with
     * derived ICCIDs.
     *
     * @throws IllegalArgumentException when the pattern does not format a long or makes a VIN
     *                                  longer than 17 characters
     */
    public static List<VehicleIdentity> pattern(String pattern, long start, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative vehicle count: " + count);
        }
        List<VehicleIdentity> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String vin;
            try {
                vin = String.format(pattern, start + i);
            } catch (IllegalFormatException e) {
                throw new IllegalArgumentException("VIN pattern '" + pattern + "' must format one number: "
                        + e.getMessage(), e);
            }
            out.add(VehicleIdentity.of(vin));
        }
        return out;
    }

    /**
     * Reads one VIN per line, optionally followed by {@code ,ICCID}; blank lines and lines starting
     * with {@code #} are skipped. A missing ICCID is derived from the VIN.
     *
     * @throws IllegalArgumentException for a malformed line or a duplicate VIN (with its line number)
     */
    public static List<VehicleIdentity> readFile(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<VehicleIdentity> out = new ArrayList<>(lines.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(",", -1);
            if (parts.length > 2) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected VIN[,ICCID]");
            }
            VehicleIdentity id;
            try {
                String vin = parts[0].strip();
                String iccid = parts.length == 2 ? parts[1].strip() : "";
                id = iccid.isEmpty() ? VehicleIdentity.of(vin) : new VehicleIdentity(vin, iccid);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": " + e.getMessage(), e);
            }
            if (!seen.add(id.vin())) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": duplicate VIN " + id.vin());
            }
            out.add(id);
        }
        return out;
    }
}
