package io.gb32960.protocol.message;

import io.gb32960.protocol.wire.FixedString;

import java.util.List;

/**
 * 2016 login (Table 6): subsystem count n (0..250), code length m (0..50; 0 = codes not uploaded),
 * then n codes of m bytes.
 */
public record SubsystemCodes(int subsystemCount, int codeLength, List<FixedString> codes) implements LoginCodes {

    public SubsystemCodes {
        codes = List.copyOf(codes);
        int expected = codeLength == 0 ? 0 : subsystemCount;
        if (codes.size() != expected) {
            throw new IllegalArgumentException("expected " + expected + " codes, got " + codes.size());
        }
        for (FixedString c : codes) {
            if (c.width() != codeLength) {
                throw new IllegalArgumentException("code of " + c.width() + " bytes, code length is " + codeLength);
            }
        }
    }
}
