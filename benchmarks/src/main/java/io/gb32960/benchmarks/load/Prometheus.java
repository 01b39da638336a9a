package io.gb32960.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/**
 * One scrape of a Prometheus text exposition ({@code /actuator/prometheus}): sample lines
 * {@code name{label="v",...} value}; comments skipped.
 */
final class Prometheus {

    private record Sample(String name, String labels, double value) {
    }

    private final List<Sample> samples;

    private Prometheus(List<Sample> samples) {
        this.samples = samples;
    }

    static Prometheus parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name;
            String labels = "";
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                labels = line.substring(brace + 1, line.lastIndexOf('}'));
            } else {
                name = line.substring(0, line.indexOf(' '));
            }
            try {
                out.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1).strip())));
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return new Prometheus(out);
    }

    /** All samples of several scrapes (several nodes): sums then add up across them. */
    static Prometheus merge(List<Prometheus> scrapes) {
        List<Sample> all = new ArrayList<>();
        for (Prometheus p : scrapes) {
            all.addAll(p.samples);
        }
        return new Prometheus(all);
    }

    /**
     * The sum of every sample named {@code name} whose labels contain each {@code key="value"}
     * filter; 0 when there is none.
     */
    double sum(String name, String... labelFilters) {
        double total = 0;
        for (Sample s : samples) {
            if (!s.name.equals(name)) {
                continue;
            }
            boolean match = true;
            for (String filter : labelFilters) {
                int eq = filter.indexOf('=');
                String wanted = filter.substring(0, eq) + "=\"" + filter.substring(eq + 1) + "\"";
                if (!s.labels.contains(wanted)) {
                    match = false;
                    break;
                }
            }
            if (match) {
                total += s.value;
            }
        }
        return total;
    }
}
