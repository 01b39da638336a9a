package io.gb32960.protocol.message;

import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.FixedString;

import java.util.List;

/**
 * 2025 login (Table 6): BMS count n (0..20), n bytes of packs per BMS (0..50 each), then one
 * 24-byte GB/T 34014 code per pack.
 */
public record PackCodes(Bytes packsPerBms, List<FixedString> codes) implements LoginCodes {

    public static final int CODE_LENGTH = 24;

    public PackCodes {
        codes = List.copyOf(codes);
        int total = 0;
        for (int i = 0; i < packsPerBms.length(); i++) {
            total += packsPerBms.get(i);
        }
        if (codes.size() != total) {
            throw new IllegalArgumentException("expected " + total + " pack codes, got " + codes.size());
        }
    }
}
