package io.gb32960.admin.support;

import io.gb32960.admin.vehicle.Vin;

import java.util.concurrent.ThreadLocalRandom;

/** Random VINs that pass GB 16735 (character set and check digit), and random ICCIDs. */
public final class TestVins {

    private static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    private TestVins() {
    }

    /** A valid VIN starting with {@code wmi} (3 characters). */
    public static String vin(String wmi) {
        StringBuilder s = new StringBuilder(wmi);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (s.length() < Vin.LENGTH) {
            s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return Vin.withCheckDigit(s.toString());
    }

    public static String vin() {
        return vin("LAD");
    }

    /** 20 digits, China prefix 8986. */
    public static String iccid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "8986" + String.format("%08d%08d", r.nextInt(100_000_000), r.nextInt(100_000_000));
    }
}
