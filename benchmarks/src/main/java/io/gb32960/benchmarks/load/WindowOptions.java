package io.gb32960.benchmarks.load;

import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measurement window of a steady-state measurement (a picocli mixin): the warm-up before it,
 * its length and the sampling period inside it. Defaults per measurement, kept as text like
 * {@link FleetOptions}.
 */
final class WindowOptions {

    private static final LoadBenchmark.DurationConverter DURATION = new LoadBenchmark.DurationConverter();

    @Option(names = "--warm-up", paramLabel = "DURATION",
            description = "Load before the window, once everything is connected (default: ${DEFAULT-VALUE}).")
    String warmUp;

    @Option(names = "--measure", paramLabel = "DURATION", description = "The measurement window (default: ${DEFAULT-VALUE}).")
    String measure;

    @Option(names = "--sample", paramLabel = "DURATION",
            description = "Sampling period inside the window (default: ${DEFAULT-VALUE}).")
    String sample;

    WindowOptions(String warmUp, String measure, String sample) {
        this.warmUp = warmUp;
        this.measure = measure;
        this.sample = sample;
    }

    Duration warmUp() {
        return DURATION.convert(warmUp);
    }

    Duration measure() {
        return DURATION.convert(measure);
    }

    Duration sample() {
        return DURATION.convert(sample);
    }

    /** For the settings of the result. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("warmUp", warmUp().toString());
        m.put("measure", measure().toString());
        m.put("sample", sample().toString());
        return m;
    }
}
