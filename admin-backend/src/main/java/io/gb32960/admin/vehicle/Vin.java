package io.gb32960.admin.vehicle;

import java.util.Locale;
import java.util.Optional;

/**
 * Vehicle identification numbers per GB 16735 (车辆识别代号, the same rules as ISO 3779): 17
 * characters, digits and capital letters without I, O and Q, and a check digit at position 9
 * (weighted sum of the transliterated characters modulo 11, 10 written as X).
 */
public final class Vin {

    public static final int LENGTH = 17;
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int CHECK_POSITION = 8;

    /** How strictly a VIN is checked ({@code gb32960.admin.vehicles.vin-check}). */
    public enum Check {
        /** GB 16735: the character set and the check digit. */
        STRICT,
        /** GB 16735's character set, no check digit (e.g. vehicles built for markets without one). */
        CHARSET,
        /** Any 17 capital letters and digits (test fleets, simulators). */
        LENIENT
    }

    private Vin() {
    }

    /** Trimmed and upper-cased; null stays null. */
    public static String normalize(String vin) {
        return vin == null ? null : vin.trim().toUpperCase(Locale.ROOT);
    }

    /** Why {@code vin} (normalized) is not acceptable under {@code check}, or empty when it is. */
    public static Optional<String> problem(String vin, Check check) {
        if (vin == null || vin.length() != LENGTH) {
            return Optional.of("a VIN has 17 characters");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = vin.charAt(i);
            boolean alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            if (!alnum) {
                return Optional.of("a VIN has only capital letters and digits");
            }
            if (check != Check.LENIENT && (c == 'I' || c == 'O' || c == 'Q')) {
                return Optional.of("a VIN has no I, O or Q (GB 16735)");
            }
        }
        if (check == Check.STRICT) {
            char expected = checkDigit(vin);
            if (vin.charAt(CHECK_POSITION) != expected) {
                return Optional.of("check digit (9th character) should be " + expected + " (GB 16735)");
            }
        }
        return Optional.empty();
    }

    /** The check digit of a VIN (its 9th character is ignored). */
    public static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            sum += value(vin.charAt(i)) * WEIGHTS[i];
        }
        int r = sum % 11;
        return r == 10 ? 'X' : (char) ('0' + r);
    }

    /** {@code vin} with its check digit put in place (for generating valid VINs). */
    public static String withCheckDigit(String vin) {
        return vin.substring(0, CHECK_POSITION) + checkDigit(vin) + vin.substring(CHECK_POSITION + 1);
    }

    /** Transliteration of Table 1 (GB 16735) / ISO 3779 Annex. */
    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> 0; // I, O, Q are not allowed; LENIENT VINs skip the check digit anyway
        };
    }
}
