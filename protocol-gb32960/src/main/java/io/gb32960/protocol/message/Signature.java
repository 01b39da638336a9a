package io.gb32960.protocol.message;

import io.gb32960.protocol.wire.Bytes;

/**
 * A 2025 signature (Table 8): type (1 SM2, 2 RSA, 3 ECC), R and S, each with a WORD length.
 * RSA implementations put the whole signature in R with an empty S.
 */
public record Signature(int type, Bytes r, Bytes s) {

    public static final int SM2 = 1;
    public static final int RSA = 2;
    public static final int ECC = 3;

    public String typeName() {
        return switch (type) {
            case SM2 -> "SM2";
            case RSA -> "RSA";
            case ECC -> "ECC";
            default -> "unknown";
        };
    }
}
