package io.gb32960.simulator.sim;

import io.gb32960.protocol.control.RemoteUpgrade;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The download side of the simulated terminals' remote upgrades and OTA version checks. Blocking
 * HTTP runs on a few threads of its own, never on a vehicle's event loop; the result goes back to
 * the vehicle's loop. Shared by all vehicles of a {@link Simulation}.
 */
final class Upgrader {

    /** Header with the whole file's MD5 on the OTA service's downloads. */
    static final String MD5_HEADER = "X-Firmware-MD5";
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final SimulationConfig.Upgrade config;
    private final HttpClient http;
    private final ExecutorService threads;
    private final AtomicInteger installs = new AtomicInteger();
    private volatile double failureRate;

    final LongAdder started = new LongAdder();
    final LongAdder resumed = new LongAdder();
    final LongAdder installed = new LongAdder();
    final LongAdder failedInstalls = new LongAdder();
    final LongAdder downloadErrors = new LongAdder();
    final LongAdder checks = new LongAdder();
    final LongAdder checkUpgrades = new LongAdder();

    Upgrader(SimulationConfig.Upgrade config, int threadCount) {
        this.config = config;
        this.failureRate = config.failureRate();
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, "gb32960-sim-upgrade-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // not our pool: its threads block in send(), and the client needs free threads to complete them
        this.http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    }

    void setFailureRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("failure rate must be in [0, 1]");
        }
        failureRate = rate;
    }

    /** The answer of a version check: empty URL when there is nothing to install. */
    record CheckAnswer(String url, String version, String md5) {
    }

    /** What a finished download and install attempt came to. */
    enum Outcome { INSTALLED, INSTALL_FAILED, DOWNLOAD_FAILED }

    /**
     * Downloads {@code url}, verifies it against {@code expectedMd5} (or the response's MD5 header
     * when null) and decides whether the install fails; {@code done} runs on the caller's choice of
     * thread (the vehicle passes its loop).
     */
    void upgrade(String vin, String url, String expectedMd5, Consumer<Outcome> done) {
        started.increment();
        threads.execute(() -> {
            Outcome outcome;
            try {
                byte[] file = download(url, expectedMd5);
                outcome = file == null ? Outcome.DOWNLOAD_FAILED : nextInstallFails() ? Outcome.INSTALL_FAILED
                        : Outcome.INSTALLED;
            } catch (IOException | RuntimeException e) {
                outcome = Outcome.DOWNLOAD_FAILED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = Outcome.DOWNLOAD_FAILED;
            }
            switch (outcome) {
                case INSTALLED -> installed.increment();
                case INSTALL_FAILED -> failedInstalls.increment();
                case DOWNLOAD_FAILED -> downloadErrors.increment();
            }
            done.accept(outcome);
        });
    }

    /** Exactly every (1/rate)-th install fails, so a rate means the same count in every run. */
    boolean nextInstallFails() {
        double rate = failureRate;
        int n = installs.incrementAndGet();
        return Math.floor(n * rate) > Math.floor((n - 1) * rate);
    }

    /** The whole file, or null when it does not match its MD5. Breaks off halfway and resumes at the interrupt rate. */
    private byte[] download(String url, String expectedMd5) throws IOException, InterruptedException {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            return null;
        }
        HttpResponse<InputStream> first = http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (first.statusCode() != 200) {
            first.body().close();
            return null;
        }
        long size = first.headers().firstValueAsLong("Content-Length").orElse(-1);
        String etag = first.headers().firstValue("ETag").orElse(null);
        String md5 = expectedMd5 != null ? expectedMd5 : first.headers().firstValue(MD5_HEADER).orElse(null);
        ByteArrayOutputStream file = new ByteArrayOutputStream(size > 0 ? (int) Math.min(size, 64 << 20) : 8192);
        boolean interrupt = size > 1 && etag != null
                && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < config.interruptRate();
        try (InputStream in = first.body()) {
            copy(in, file, interrupt ? size / 2 : Long.MAX_VALUE);
        }
        if (interrupt) {
            // the connection broke off: resume from what arrived, if the file is still the same
            resumed.increment();
            HttpResponse<InputStream> rest = http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT)
                    .header("Range", "bytes=" + file.size() + "-").header("If-Range", etag).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = rest.body()) {
                if (rest.statusCode() == 200) {
                    file.reset(); // changed meanwhile: the whole file came again
                } else if (rest.statusCode() != 206) {
                    return null;
                }
                copy(in, file, Long.MAX_VALUE);
            }
        }
        byte[] bytes = file.toByteArray();
        if (md5 == null || !md5.equalsIgnoreCase(HexFormat.of().formatHex(digest("MD5").digest(bytes)))) {
            return null;
        }
        return bytes;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long max) throws IOException {
        byte[] buf = new byte[16 * 1024];
        long left = max;
        for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
            out.write(buf, 0, n);
            left -= n;
        }
    }

    /** The version check; null when it failed (the terminal logs in anyway). */
    void check(String vin, String hardware, String firmware, Consumer<CheckAnswer> done) {
        if (config.checkUrl() == null) {
            done.accept(null);
            return;
        }
        checks.increment();
        threads.execute(() -> {
            CheckAnswer answer = null;
            try {
                long ts = System.currentTimeMillis();
                byte[] secret = HexFormat.of().parseHex(config.terminalSecretHex());
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                String signature = Base64.getEncoder().encodeToString(
                        mac.doFinal((vin + ":" + ts).getBytes(StandardCharsets.US_ASCII)));
                URI uri = URI.create(config.checkUrl() + "?vin=" + enc(vin) + "&hardware=" + enc(hardware)
                        + "&firmware=" + enc(firmware));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT)
                        .header("X-GB32960-Timestamp", Long.toString(ts)).header("X-GB32960-Signature", signature)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    String body = r.body();
                    answer = new CheckAnswer(text(body, "url"), text(body, "version"), text(body, "md5"));
                    if (!answer.url().isEmpty()) {
                        checkUpgrades.increment();
                    }
                }
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                answer = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.accept(answer);
        });
    }

    /** A string field of the check's flat JSON answer (no JSON library in the simulator's jar); "" when absent or null. */
    static String text(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(json);
        return m.find() ? m.group(1).replace("\\/", "/") : "";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.toLowerCase(Locale.ROOT) + " is part of every JDK", e);
        }
    }

    void shutdown() {
        threads.shutdownNow();
    }
}
