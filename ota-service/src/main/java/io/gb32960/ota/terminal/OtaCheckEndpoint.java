package io.gb32960.ota.terminal;

import io.gb32960.ota.rollout.RolloutTracker;
import io.gb32960.web.terminal.TerminalRequestVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/**
 * The version check a terminal makes at power-up, before its platform login:
 * {@code GET /ota/check?vin=&hardware=&firmware=}, signed like the admin backend's configuration
 * request ({@link TerminalAuth}). The answer's {@code url} is empty when there is nothing to
 * install (the versions match, or the vehicle is in no delivering group); otherwise it is a signed
 * download URL with the size, MD5 and SHA-256 (the download's ETag). Reporting the target version
 * confirms a rollout's success.
 */
@RestController
@Tag(name = "Terminal", description = "the terminals' endpoints (signed URLs, HMAC-signed check)")
class OtaCheckEndpoint {

    private final TerminalAuth auth;
    private final RolloutTracker tracker;
    private final MeterRegistry meters;

    OtaCheckEndpoint(TerminalAuth auth, RolloutTracker tracker, MeterRegistry meters) {
        this.auth = auth;
        this.tracker = tracker;
        this.meters = meters;
    }

    @GetMapping("/ota/check")
    @Operation(summary = "a terminal's version check (HMAC-signed request, as /api/terminal/config of the admin backend)")
    RolloutTracker.CheckAnswer check(@RequestParam(required = false) String vin,
                                     @RequestParam(required = false) String hardware,
                                     @RequestParam(required = false) String firmware,
                                     @RequestHeader(value = TerminalAuth.TIMESTAMP, required = false) String timestamp,
                                     @RequestHeader(value = TerminalAuth.SIGNATURE, required = false) String signature) {
        String v = vin == null ? null : vin.trim().toUpperCase(Locale.ROOT);
        auth.verify(v, timestamp, signature);
        if (firmware != null && firmware.length() > 32 || hardware != null && hardware.length() > 32) {
            throw new IllegalArgumentException("versions are at most 32 characters");
        }
        return tracker.check(v, hardware, firmware);
    }

    @ExceptionHandler(TerminalRequestVerifier.Refused.class)
    ResponseEntity<ProblemDetail> refused(TerminalRequestVerifier.Refused e) {
        meters.counter("gb32960.ota.check.refused", "reason", e.reason()).increment();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "terminal authentication failed");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "GB32960-HMAC").body(p);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
    }
}
