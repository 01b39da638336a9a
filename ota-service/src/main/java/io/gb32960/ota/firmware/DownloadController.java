package io.gb32960.ota.firmware;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Firmware downloads for terminals through signed, expiring, per-vehicle URLs (403 when the
 * signature is forged or expired). Resumable: {@code Range} (one range) and {@code If-Range} with
 * the ETag (the SHA-256), 206 with {@code Content-Range}; 416 for an unsatisfiable range. The file
 * is copied from a {@link FileChannel} through a small buffer, never loaded whole, so many
 * downloads run at once on little memory.
 */
@RestController
@Tag(name = "Terminal", description = "the terminals' endpoints (signed URLs, HMAC-signed check)")
class DownloadController {

    private static final Logger log = LoggerFactory.getLogger(DownloadController.class);
    /** The whole file's MD5 (hex), on every download response. */
    static final String MD5_HEADER = "X-Firmware-MD5";

    private final FirmwareRepository firmware;
    private final FirmwareStorage storage;
    private final DownloadSigner signer;
    private final List<DownloadListener> listeners;
    private final int bufferSize;
    private final MeterRegistry meters;
    private final Counter bytesServed;
    private final AtomicInteger active = new AtomicInteger();

    DownloadController(FirmwareRepository firmware, FirmwareStorage storage, DownloadSigner signer,
                       List<DownloadListener> listeners, FirmwareProperties properties, MeterRegistry meters) {
        this.firmware = firmware;
        this.storage = storage;
        this.signer = signer;
        this.listeners = listeners;
        this.bufferSize = (int) properties.downloadBuffer().toBytes();
        this.meters = meters;
        this.bytesServed = meters.counter("gb32960.ota.download.bytes");
        meters.gauge("gb32960.ota.download.active", active);
    }

    @GetMapping("/ota/download/{firmwareId}/{vin}")
    @Operation(summary = "download firmware through a signed URL (from the upgrade command or /ota/check); "
            + "Range and If-Range supported")
    void download(@PathVariable long firmwareId, @PathVariable String vin, @RequestParam("c") long campaignId,
                  @RequestParam long exp, @RequestParam String sig, HttpServletRequest request,
                  HttpServletResponse response) throws IOException {
        if (!signer.valid(firmwareId, vin, campaignId, exp, sig)) {
            refuse(response, HttpStatus.FORBIDDEN, "forged");
            return;
        }
        Optional<Firmware> found = firmware.find(firmwareId)
                .filter(f -> f.status() == Firmware.FirmwareStatus.APPROVED);
        if (found.isEmpty() || listeners.stream().anyMatch(l -> !l.downloadAllowed(campaignId, vin))) {
            refuse(response, HttpStatus.GONE, "gone");
            return;
        }
        Firmware f = found.get();
        String etag = "\"" + f.sha256() + "\"";
        long size = f.sizeBytes();
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.ETAG, etag);
        // the remote-upgrade command (Table B.15/B.16) carries no checksum: the terminal verifies against this
        response.setHeader(MD5_HEADER, f.md5());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=0");
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        Optional<ByteRange> range = ifRange == null || ifRange.trim().equals(etag)
                ? ByteRange.parse(request.getHeader(HttpHeaders.RANGE), size) : Optional.empty();
        if (range == null) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
            refuse(response, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range");
            return;
        }
        response.setContentType("application/octet-stream");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + f.terminalModel() + "-" + f.version() + ".bin\"");
        ByteRange r = range.orElse(new ByteRange(0, size - 1));
        if (range.isPresent()) {
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + r.first() + "-" + r.last() + "/" + size);
        }
        response.setContentLengthLong(r.length());
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        meters.counter("gb32960.ota.download.requests", "result", range.isPresent() ? "partial" : "full").increment();
        serve(f, r, size, campaignId, vin, response);
    }

    private void serve(Firmware f, ByteRange r, long size, long campaignId, String vin, HttpServletResponse response)
            throws IOException {
        active.incrementAndGet();
        long position = r.first();
        long end = r.last() + 1;
        boolean started = false;
        try (FileChannel file = storage.open(f.storageKey())) {
            OutputStream out = response.getOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(bufferSize);
            while (position < end) {
                buf.clear().limit((int) Math.min(bufferSize, end - position));
                int n = file.read(buf, position);
                if (n < 0) {
                    throw new IOException("firmware file " + f.id() + " is shorter than recorded");
                }
                out.write(buf.array(), 0, n);
                position += n;
                bytesServed.increment(n);
                if (!started) {
                    started = true;
                    listeners.forEach(l -> l.downloadStarted(campaignId, vin));
                }
            }
            out.flush();
        } catch (IOException e) {
            meters.counter("gb32960.ota.download.requests", "result", "aborted").increment();
            log.debug("download of firmware {} by {} aborted at byte {}: {}", f.id(), vin, position, e.toString());
            return;
        } finally {
            active.decrementAndGet();
        }
        if (r.last() == size - 1) {
            listeners.forEach(l -> l.downloadCompleted(campaignId, vin));
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String reason) throws IOException {
        meters.counter("gb32960.ota.download.requests", "result", reason).increment();
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"status\":" + status.value() + ",\"title\":\"" + status.getReasonPhrase() + "\"}");
    }
}
