package io.gb32960.protocol.value;

/**
 * Raw-to-physical conversion: {@code value = raw * factor + offset}, after checking the raw value
 * for the abnormal/invalid sentinels of its width (PROTOCOL.md §2: FE/FF, FFFE/FFFF, FFFFFFFE/FFFFFFFF).
 * Results are rounded to the factor's decimals so 0.1-steps print as 570.5, not 570.50000000001.
 */
public final class Scale {

    private Scale() {
    }

    public static ValueState stateOfByte(int raw) {
        return raw == 0xFF ? ValueState.INVALID : raw == 0xFE ? ValueState.ABNORMAL : ValueState.VALID;
    }

    public static ValueState stateOfWord(int raw) {
        return raw == 0xFFFF ? ValueState.INVALID : raw == 0xFFFE ? ValueState.ABNORMAL : ValueState.VALID;
    }

    public static ValueState stateOfDword(long raw) {
        return raw == 0xFFFFFFFFL ? ValueState.INVALID : raw == 0xFFFFFFFEL ? ValueState.ABNORMAL : ValueState.VALID;
    }

    public static Quantity ofByte(int raw, double factor, double offset) {
        return of(stateOfByte(raw), raw, factor, offset);
    }

    public static Quantity ofWord(int raw, double factor, double offset) {
        return of(stateOfWord(raw), raw, factor, offset);
    }

    public static Quantity ofDword(long raw, double factor, double offset) {
        return of(stateOfDword(raw), raw, factor, offset);
    }

    /** A field without sentinels (2016 insulation resistance, reserved fields). */
    public static Quantity plain(long raw, double factor, double offset) {
        return Quantity.of(round(raw * factor + offset, factor));
    }

    private static Quantity of(ValueState state, long raw, double factor, double offset) {
        return switch (state) {
            case VALID -> Quantity.of(round(raw * factor + offset, factor));
            case ABNORMAL -> Quantity.ABNORMAL;
            case INVALID -> Quantity.INVALID;
        };
    }

    private static double round(double v, double factor) {
        if (factor >= 1) {
            return v;
        }
        double decimals = Math.pow(10, Math.ceil(-Math.log10(factor)));
        return Math.round(v * decimals) / decimals;
    }
}
