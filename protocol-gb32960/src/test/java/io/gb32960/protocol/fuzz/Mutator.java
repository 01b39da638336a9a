package io.gb32960.protocol.fuzz;

import io.gb32960.protocol.frame.Bcc;
import io.gb32960.protocol.frame.FrameLayout;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Turns seed frames into fuzz inputs: structure-aware item mutations (duplicate, drop, shuffle,
 * splice info or parameter items), byte-level mutations aimed mostly at the data unit, header
 * mutations (command byte, response flag, encryption, edition swap), then, most of the time, a
 * fixed-up length field and BCC so the input gets past the frame check into the data-unit parser.
 * Deterministic for a given {@link SplittableRandom}.
 */
final class Mutator {

    /** Values that sit on boundaries of the fields: counts, sentinels, the ';' separator, start bytes. */
    private static final int[] INTERESTING = {0x00, 0x01, 0x02, 0x7F, 0x80, 0xFD, 0xFE, 0xFF, 0x3B, 0x23, 0x24, 0x10,
        0x20, 0x40, 0xFA, 0xFB, 0xFC};
    /** Command bytes worth trying: every defined one, the edges of the reserved ranges, custom. */
    private static final int[] COMMANDS = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C,
        0x23, 0x24, 0x7F, 0x80, 0x81, 0x82, 0x83, 0xBF, 0xC0, 0xFE, 0xFF};
    private static final int[] FLAGS = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x00, 0xFE, 0xFF};
    private static final int[] ENCRYPTIONS = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0xFE, 0xFF};
    private static final int[] LENGTHS = {0, 1, 6, 65531, 65532, 65535, 0x8000, 0x00FF, 0x0100};

    private final SplittableRandom random;
    private final List<SeedCorpus.Seed> seeds;

    Mutator(SplittableRandom random, List<SeedCorpus.Seed> seeds) {
        this.random = random;
        this.seeds = seeds;
    }

    /** One fuzz input. */
    byte[] next() {
        SeedCorpus.Seed seed = seeds.get(random.nextInt(seeds.size()));
        byte[] f;
        int shape = random.nextInt(100);
        if (shape < 3) {
            return seed.frame().clone(); // an unmodified seed now and then: the lossless baseline
        } else if (shape < 12) {
            f = randomDataUnit(seed);
        } else {
            f = seed.frame();
            if (seed.items().length > 1 && random.nextInt(100) < 35) {
                f = mutateItems(seed);
            }
            int rounds = 1 + (random.nextInt(4) == 0 ? random.nextInt(6) : random.nextInt(2));
            for (int i = 0; i < rounds; i++) {
                f = mutateBytes(f);
            }
        }
        int fix = random.nextInt(100);
        if (fix < 75) {
            fixLength(f);
            fixBcc(f);
        } else if (fix < 87) {
            fixBcc(f);
        }
        if (random.nextInt(100) < 4) {
            f = corruptFraming(f);
        }
        return f;
    }

    /** A seed's header (with a random command and flag now and then) over random data-unit bytes. */
    private byte[] randomDataUnit(SeedCorpus.Seed seed) {
        int n = random.nextInt(4) == 0 ? random.nextInt(600) : random.nextInt(48);
        byte[] f = Arrays.copyOf(seed.frame(), FrameLayout.HEADER_LENGTH + n + 1);
        byte[] body = new byte[n];
        random.nextBytes(body);
        System.arraycopy(body, 0, f, FrameLayout.HEADER_LENGTH, n);
        if (n >= 6 && random.nextBoolean()) {
            // keep the seed's time so the parser gets past it and into the items
            System.arraycopy(seed.frame(), FrameLayout.HEADER_LENGTH, f, FrameLayout.HEADER_LENGTH,
                    Math.min(6, seed.frame().length - FrameLayout.MIN_FRAME_LENGTH));
        }
        if (random.nextInt(3) == 0) {
            f[FrameLayout.COMMAND_OFFSET] = (byte) pick(COMMANDS);
        }
        if (random.nextInt(3) == 0) {
            f[FrameLayout.FLAG_OFFSET] = (byte) pick(FLAGS);
        }
        return f;
    }

    /** Duplicate, drop, swap, shuffle or splice whole items (info items or parameter items). */
    private byte[] mutateItems(SeedCorpus.Seed seed) {
        byte[] f = seed.frame();
        int[] at = seed.items();
        int n = at.length - 1;
        int start = at[0];
        int end = at[n];
        List<byte[]> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(Arrays.copyOfRange(f, at[i], at[i + 1]));
        }
        switch (random.nextInt(5)) {
            case 0 -> {
                int i = random.nextInt(n);
                int copies = 1 + random.nextInt(3);
                for (int c = 0; c < copies; c++) {
                    items.add(i, items.get(i));
                }
            }
            case 1 -> items.remove(random.nextInt(n));
            case 2 -> Collections.shuffle(items, new Random(random.nextLong()));
            case 3 -> {
                int i = random.nextInt(n);
                int j = random.nextInt(n);
                byte[] t = items.get(i);
                items.set(i, items.get(j));
                items.set(j, t);
            }
            default -> {
                // splice in an item of another seed of either edition
                SeedCorpus.Seed other = seeds.get(random.nextInt(seeds.size()));
                if (other.items().length > 1) {
                    int k = random.nextInt(other.items().length - 1);
                    items.add(random.nextInt(items.size() + 1),
                            Arrays.copyOfRange(other.frame(), other.items()[k], other.items()[k + 1]));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(f.length + 64);
        out.write(f, 0, start);
        for (byte[] item : items) {
            out.writeBytes(item);
        }
        out.write(f, end, f.length - end);
        return out.toByteArray();
    }

    private byte[] mutateBytes(byte[] in) {
        byte[] f = in.clone();
        int len = f.length;
        if (len == 0) {
            return f;
        }
        switch (random.nextInt(13)) {
            case 0, 1 -> { // bit flips
                int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    int p = target(len);
                    f[p] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 2 -> f[target(len)] = (byte) random.nextInt(256); // random byte
            case 3, 4 -> f[target(len)] = (byte) pick(INTERESTING); // boundary byte
            case 5 -> { // a WORD at a random place gets a boundary value
                int p = target(len);
                if (p + 1 < len) {
                    int v = pick(LENGTHS);
                    f[p] = (byte) (v >>> 8);
                    f[p + 1] = (byte) v;
                }
            }
            case 6 -> { // truncation
                return Arrays.copyOf(f, random.nextInt(len + 1));
            }
            case 7 -> { // insertion of random bytes
                int p = target(len);
                byte[] extra = new byte[1 + random.nextInt(random.nextInt(8) == 0 ? 64 : 4)];
                random.nextBytes(extra);
                return splice(f, p, 0, extra);
            }
            case 8 -> { // deletion of a range
                int p = target(len);
                int n = 1 + random.nextInt(Math.max(1, Math.min(16, len - p)));
                return splice(f, p, Math.min(n, len - p), new byte[0]);
            }
            case 9 -> { // duplicate a range in place
                int p = target(len);
                int n = 1 + random.nextInt(Math.max(1, Math.min(32, len - p)));
                return splice(f, p, 0, Arrays.copyOfRange(f, p, Math.min(len, p + n)));
            }
            case 10 -> { // header: command byte, response flag, encryption byte
                if (len > FrameLayout.ENCRYPTION_OFFSET) {
                    switch (random.nextInt(4)) {
                        case 0 -> f[FrameLayout.COMMAND_OFFSET] = (byte) pick(COMMANDS);
                        case 1 -> f[FrameLayout.COMMAND_OFFSET] = (byte) random.nextInt(256);
                        case 2 -> f[FrameLayout.FLAG_OFFSET] = (byte) (random.nextBoolean() ? pick(FLAGS) : random.nextInt(256));
                        default -> f[FrameLayout.ENCRYPTION_OFFSET] = (byte) pick(ENCRYPTIONS);
                    }
                }
            }
            case 11 -> { // the other edition's start bytes on this body
                if (len >= 2) {
                    byte s = f[0] == 0x23 ? (byte) 0x24 : (byte) 0x23;
                    f[0] = s;
                    f[1] = s;
                }
            }
            default -> { // VIN bytes: NULs (trailing padding is trimmed on decode), high bytes
                if (len > FrameLayout.ENCRYPTION_OFFSET) {
                    int p = FrameLayout.UNIQUE_ID_OFFSET + random.nextInt(FrameLayout.UNIQUE_ID_LENGTH);
                    f[p] = (byte) (random.nextBoolean() ? 0 : random.nextInt(256));
                }
            }
        }
        return f;
    }

    /** Length-field and start-byte corruption applied after the fix-ups. */
    private byte[] corruptFraming(byte[] f) {
        if (f.length < FrameLayout.HEADER_LENGTH) {
            return f;
        }
        switch (random.nextInt(4)) {
            case 0 -> {
                int declared = ((f[FrameLayout.LENGTH_OFFSET] & 0xFF) << 8) | (f[FrameLayout.LENGTH_OFFSET + 1] & 0xFF);
                int v = random.nextBoolean() ? pick(LENGTHS) : declared + (random.nextBoolean() ? 1 : -1);
                f[FrameLayout.LENGTH_OFFSET] = (byte) (v >>> 8);
                f[FrameLayout.LENGTH_OFFSET + 1] = (byte) v;
                if (random.nextBoolean()) {
                    fixBcc(f);
                }
            }
            case 1 -> f[1] = (byte) (f[0] == 0x23 ? 0x24 : 0x23); // #$ or $#
            case 2 -> f[random.nextInt(2)] = (byte) random.nextInt(256);
            default -> {
                f[0] = 0x23;
                f[1] = 0x23;
            }
        }
        return f;
    }

    /** Mostly inside the data unit, sometimes anywhere. */
    private int target(int len) {
        if (len > FrameLayout.MIN_FRAME_LENGTH && random.nextInt(8) != 0) {
            return FrameLayout.HEADER_LENGTH + random.nextInt(len - FrameLayout.MIN_FRAME_LENGTH);
        }
        return random.nextInt(Math.max(1, len));
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Sets the length field to what the frame carries, when it can. */
    static void fixLength(byte[] f) {
        int n = f.length - FrameLayout.MIN_FRAME_LENGTH;
        if (n >= 0 && n <= 0xFFFF) {
            f[FrameLayout.LENGTH_OFFSET] = (byte) (n >>> 8);
            f[FrameLayout.LENGTH_OFFSET + 1] = (byte) n;
        }
    }

    /** Recomputes the BCC into the last byte, when there is a command byte before it. */
    static void fixBcc(byte[] f) {
        if (f.length > FrameLayout.COMMAND_OFFSET + 1) {
            f[f.length - 1] = (byte) Bcc.xor(f, FrameLayout.COMMAND_OFFSET, f.length - 1);
        }
    }

    private static byte[] splice(byte[] f, int at, int remove, byte[] insert) {
        byte[] out = new byte[f.length - remove + insert.length];
        System.arraycopy(f, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(f, at + remove, out, at + insert.length, f.length - at - remove);
        return out;
    }
}
