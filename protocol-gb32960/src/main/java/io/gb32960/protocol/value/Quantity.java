package io.gb32960.protocol.value;

import java.util.OptionalDouble;

/**
 * A physical value read from a raw field. Abnormal and invalid raw values are never turned into
 * numbers: {@link #value()} is only meaningful when {@link #isValid()}.
 */
public record Quantity(ValueState state, double value) {

    public static final Quantity ABNORMAL = new Quantity(ValueState.ABNORMAL, Double.NaN);
    public static final Quantity INVALID = new Quantity(ValueState.INVALID, Double.NaN);

    public static Quantity of(double value) {
        return new Quantity(ValueState.VALID, value);
    }

    public boolean isValid() {
        return state == ValueState.VALID;
    }

    public OptionalDouble asOptional() {
        return isValid() ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** The value, or {@code null} when abnormal or invalid. */
    public Double orNull() {
        return isValid() ? value : null;
    }
}
