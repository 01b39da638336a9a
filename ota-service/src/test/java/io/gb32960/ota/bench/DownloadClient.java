package io.gb32960.ota.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load side of {@link DownloadBenchmark}, run in its own JVM so the service's memory is its
 * own: every URL of the file at once (asynchronous HTTP/1.1, one connection each), counting the
 * bytes. Prints one JSON line: downloads, failures, bytes, seconds, per-download median and p99.
 *
 * <p>Usage: {@code java DownloadClient.java URL_FILE}
 */
public final class DownloadClient {

    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0])).stream().filter(s -> !s.isBlank()).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(60)).build();
        AtomicLong bytes = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (String url : urls) {
            long t0 = System.nanoTime();
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(20)).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArrayConsumer(b -> b.ifPresent(x -> bytes.addAndGet(x.length))))
                    .whenComplete((r, e) -> {
                        if (e != null || r.statusCode() != 200) {
                            failed.incrementAndGet();
                        } else {
                            millis.add((System.nanoTime() - t0) / 1_000_000);
                        }
                    }));
        }
        CompletableFuture.allOf(all.stream().map(f -> f.exceptionally(x -> null)).toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99)));
        System.out.printf(java.util.Locale.ROOT, "{\"downloads\":%d,\"failed\":%d,\"bytes\":%d,\"seconds\":%.2f,"
                + "\"medianMs\":%d,\"p99Ms\":%d}%n", sorted.size(), failed.get(), bytes.get(), seconds, p50, p99);
    }
}
