package io.gb32960.simulator.sim;

import io.gb32960.protocol.frame.FrameLayout;
import io.gb32960.protocol.message.VehicleLogin;

import java.util.Objects;

/**
 * Who a simulated terminal is: the VIN of its frame headers and the ICCID of its SIM card, sent in
 * the vehicle login (车辆登入, Table 6).
 *
 * @param vin   at most 17 single-byte characters (a shorter id is NUL-padded on the wire)
 * @param iccid at most 20 single-byte characters
 */
public record VehicleIdentity(String vin, String iccid) {

    public VehicleIdentity {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(iccid, "iccid");
        requireAscii("VIN", vin, FrameLayout.UNIQUE_ID_LENGTH);
        requireAscii("ICCID", iccid, VehicleLogin.ICCID_LENGTH);
        if (vin.isEmpty()) {
            throw new IllegalArgumentException("empty VIN");
        }
    }

    /** A VIN with an ICCID derived from it. */
    public static VehicleIdentity of(String vin) {
        return new VehicleIdentity(vin, derivedIccid(vin));
    }

    /**
     * A stable, plausible 20-digit ICCID for {@code vin}: the China prefix 8986 and 16 digits from a
     * hash of the VIN, so the same VIN always logs in with the same SIM.
     */
    public static String derivedIccid(String vin) {
        long h = 1125899906842597L;
        for (int i = 0; i < vin.length(); i++) {
            h = 31 * h + vin.charAt(i);
        }
        long digits = Math.floorMod(Noise.mix(h), 10_000_000_000_000_000L);
        return "8986" + String.format("%016d", digits);
    }

    private static void requireAscii(String what, String text, int max) {
        if (text.length() > max) {
            throw new IllegalArgumentException(what + " longer than " + max + " characters: " + text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(what + " is not printable ASCII: " + text);
            }
        }
    }
}
