package io.gb32960.benchmarks.load;

import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.simulator.sim.Progress;
import io.gb32960.simulator.sim.Simulation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A burst of logins watched from its first packet: when the simulations' logged-in count first
 * reached each share of the fleet (polled every 5 ms in the caller's thread), and the nodes'
 * successful logins and in-flight assignments 500 ms after the previous scrape (on a thread of its
 * own, so that a slow scrape does not delay the milestones). With every vehicle starting at once,
 * the milestones are the percentiles of the full-flow login time.
 */
final class LoginBurst implements AutoCloseable {

    private static final double[] SHARES = {0.5, 0.9, 0.99, 1.0};
    private static final String[] SHARE_NAMES = {"p50", "p90", "p99", "all"};
    private static final long SCRAPE_MILLIS = 500;
    /** {@code "at":"2026-...Z"} or {@code "at":1790000000.123} (epoch seconds). */
    private static final Pattern AT = Pattern.compile("\"at\"\\s*:\\s*(?:\"([^\"]+)\"|([0-9.]+))");

    private final List<Simulation> sims;
    private final Stack stack;
    /** The scraper's own connection (RedisPipe is not shared between threads). */
    private final RedisPipe redis;
    private final long start;
    private final ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "burst-scraper");
        t.setDaemon(true);
        return t;
    });
    /** Seconds since the start, the sum of the nodes' successful logins, each node's, each node's in-flight count. */
    private final List<double[]> nodeLogins = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger scrapeFailures = new AtomicInteger();
    private long firstNanos = -1;
    private final long[] shareNanos = {-1, -1, -1, -1};

    private LoginBurst(List<Simulation> sims, Stack stack, RedisPipe redis) {
        this.sims = sims;
        this.stack = stack;
        this.redis = redis;
        this.start = System.nanoTime();
    }

    /** Starts every simulation now, back to back; {@code redis} becomes the scraper's until {@link #close}. */
    static LoginBurst start(List<Simulation> sims, Stack stack, RedisPipe redis) {
        LoginBurst burst = new LoginBurst(sims, stack, redis);
        sims.forEach(Simulation::start);
        burst.scraper.scheduleWithFixedDelay(burst::scrape, 0, SCRAPE_MILLIS, TimeUnit.MILLISECONDS);
        return burst;
    }

    private void scrape() {
        try {
            int n = stack.nodes.size();
            double[] point = new double[2 + 3 * n];
            Map<String, String> registry = redis.hgetall(RedisKeys.nodes());
            long now = System.currentTimeMillis();
            for (int i = 0; i < n; i++) {
                String id = Stack.nodeId(n, i);
                point[2 + i] = stack.nodes.get(i).scrape().sum("gb32960_logins_total", "result=success");
                point[1] += point[2 + i];
                String inflight = redis.get(RedisKeys.inflight(id));
                point[2 + n + i] = inflight == null ? 0 : Double.parseDouble(inflight);
                point[2 + 2 * n + i] = statsAgeMillis(registry.get(id), now);
            }
            point[0] = (System.nanoTime() - start) / 1e9;
            nodeLogins.add(point);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // a node too busy to answer in time: this point is missing from the series (a throw would end the scraping)
            scrapeFailures.incrementAndGet();
        }
    }

    /**
     * Waits until every vehicle is logged in, at most {@code timeout}.
     *
     * @return whether all did
     */
    boolean await(Duration timeout, String label) throws InterruptedException {
        long deadline = start + timeout.toNanos();
        long nextLog = start + 1_000_000_000L;
        Progress last = null;
        while (true) {
            Progress p = FleetProgress.of(sims);
            long now = System.nanoTime();
            if (firstNanos < 0 && p.loggedIn() > 0) {
                firstNanos = now - start;
            }
            for (int i = 0; i < SHARES.length; i++) {
                if (shareNanos[i] < 0 && p.loggedIn() >= Math.ceil(SHARES[i] * p.vehicles())) {
                    shareNanos[i] = now - start;
                }
            }
            if (shareNanos[SHARES.length - 1] >= 0) {
                return true;
            }
            if (now > deadline) {
                LoadBenchmark.log("%s: only %d of %d vehicles logged in within %s", label, p.loggedIn(), p.vehicles(),
                        timeout);
                return false;
            }
            if (now >= nextLog) {
                LoadBenchmark.log("%s: %s", label, p.line(last));
                last = p;
                nextLog = now + 1_000_000_000L;
            }
            Thread.sleep(5);
        }
    }

    /** Milliseconds from the start until the first vehicle, then each share of the fleet, was logged in (-1: never). */
    Map<String, Object> loggedInAfterMs() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("first", millis(firstNanos));
        for (int i = 0; i < SHARES.length; i++) {
            m.put(SHARE_NAMES[i], millis(shareNanos[i]));
        }
        return m;
    }

    /** Logins per second over the time until {@code share} (0.5, 0.9, 0.99 or 1) of the fleet was logged in. */
    double loginsPerSecondUntil(double share) {
        for (int i = 0; i < SHARES.length; i++) {
            if (SHARES[i] == share && shareNanos[i] > 0) {
                return Math.ceil(share * FleetProgress.of(sims).vehicles()) / (shareNanos[i] / 1e9);
            }
        }
        return Double.NaN;
    }

    /**
     * As scraped: seconds since the start, each node's successful logins, its in-flight assignments
     * in Redis and the age of its stats in the node registry (-1: no entry): where an imbalance
     * comes from (a node falling behind, counted as busier than it is, or missing from the registry).
     */
    List<Object> nodeSeries() {
        int n = stack.nodes.size();
        List<Object> out = new ArrayList<>();
        for (double[] p : points()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("t", Stats.round(p[0], 2));
            point.put("logins", Arrays.stream(p, 2, 2 + n).boxed().toList());
            point.put("inflight", Arrays.stream(p, 2 + n, 2 + 2 * n).boxed().toList());
            point.put("statsAgeMs", Arrays.stream(p, 2 + 2 * n, 2 + 3 * n).boxed().toList());
            out.add(point);
        }
        return out;
    }

    /** The highest rate of the nodes' successful logins between two consecutive scrapes, per second. */
    double nodePeakLoginsPerSecond() {
        List<double[]> points = points();
        double peak = 0;
        for (int i = 1; i < points.size(); i++) {
            peak = Math.max(peak, (points.get(i)[1] - points.get(i - 1)[1]) / (points.get(i)[0] - points.get(i - 1)[0]));
        }
        return peak;
    }

    /** Scrapes of the nodes that failed or timed out (10 s) during the burst. */
    int scrapeFailures() {
        return scrapeFailures.get();
    }

    private List<double[]> points() {
        synchronized (nodeLogins) {
            return new ArrayList<>(nodeLogins);
        }
    }

    private static double millis(long nanos) {
        return nanos < 0 ? -1 : Stats.round(nanos / 1e6, 1);
    }

    /**
     * How old a node's entry in the node registry is ({@code NodeStats} JSON, its {@code at}); -1
     * when the node has no entry (never written, or removed as stale by a dispatcher).
     */
    private static double statsAgeMillis(String json, long now) {
        if (json == null) {
            return -1;
        }
        Matcher m = AT.matcher(json);
        if (!m.find()) {
            return Double.NaN;
        }
        String at = m.group(1) != null ? m.group(1) : m.group(2);
        long millis = m.group(1) != null ? Instant.parse(at).toEpochMilli() : Math.round(Double.parseDouble(at) * 1000);
        return now - millis;
    }

    /** Stops the scraping (not the simulations) and waits for a scrape under way, so {@code redis} is free again. */
    @Override
    public void close() {
        scraper.shutdownNow();
        try {
            scraper.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
