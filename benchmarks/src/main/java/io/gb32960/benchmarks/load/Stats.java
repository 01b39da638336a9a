package io.gb32960.benchmarks.load;

import java.util.Arrays;
import java.util.List;

/** Small statistics helpers. */
final class Stats {

    private Stats() {
    }

    /** The median (the middle value; the mean of the two middle ones for an even count); NaN when empty. */
    static double median(List<? extends Number> values) {
        double[] v = values.stream().mapToDouble(Number::doubleValue).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** {@code v} rounded; NaN stays NaN (null in the JSON), where Math.round would make it 0. */
    static double round(double v, int decimals) {
        if (Double.isNaN(v)) {
            return v;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** The values rounded to whole numbers, for the JSON result. */
    static List<Object> roundedList(double[] values) {
        List<Object> out = new java.util.ArrayList<>();
        for (double v : values) {
            out.add(round(v, 0));
        }
        return out;
    }
}
