package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.DwordArray;

/**
 * A fault-code list of the alarm block: a count BYTE and that many DWORD codes. A count of
 * 0xFE/0xFF (abnormal/invalid) carries no codes; it is kept raw.
 */
public record FaultCodes(int count, DwordArray codes) {

    public static final FaultCodes NONE = new FaultCodes(0, DwordArray.EMPTY);

    public FaultCodes {
        if (count < 0xFE && count != codes.size()) {
            throw new IllegalArgumentException("fault-code count " + count + " but " + codes.size() + " codes");
        }
    }

    public static FaultCodes of(long... codes) {
        return codes.length == 0 ? NONE : new FaultCodes(codes.length, DwordArray.of(codes));
    }

    /** Codes as 8 hex digits each. */
    public String[] hex() {
        String[] out = new String[codes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = String.format("%08X", codes.get(i));
        }
        return out;
    }
}
