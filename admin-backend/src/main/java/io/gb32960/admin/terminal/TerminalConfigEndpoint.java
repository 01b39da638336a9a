package io.gb32960.admin.terminal;

import io.gb32960.admin.vehicle.Vin;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.web.terminal.TerminalCrypto;
import io.gb32960.web.terminal.TerminalRequestVerifier;
import io.gb32960.web.terminal.TerminalRequestVerifier.Refused;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.redisson.api.RedissonClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration a terminal fetches at power-up: {@code GET /api/terminal/config?vin=VIN} with
 * {@code X-GB32960-Timestamp} (epoch ms) and {@code X-GB32960-Signature} (base64 HMAC-SHA256 of
 * {@code VIN:timestamp} under the terminal's secret). A timestamp outside the clock skew, a wrong
 * signature, a timestamp used before (replay), an unknown or disabled vehicle or one without a
 * secret: 401, all alike. The platform account and password travel encrypted for that terminal:
 * AES-256-GCM under HKDF-SHA256(secret, VIN), the request's {@code VIN:timestamp} as AAD.
 */
@RestController
@RequestMapping("/api/terminal")
@Tag(name = "Terminal", description = "the terminals' own endpoint (HMAC-signed, no user session)")
class TerminalConfigEndpoint {

    static final String TIMESTAMP = TerminalRequestVerifier.TIMESTAMP;
    static final String SIGNATURE = TerminalRequestVerifier.SIGNATURE;
    static final String ALGORITHM = "A256GCM+HKDF-SHA256";

    private final TerminalConfigService configs;
    private final TerminalRequestVerifier verifier;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final SecureRandom random = new SecureRandom();

    TerminalConfigEndpoint(TerminalConfigService configs, TerminalSecrets secrets,
                           io.gb32960.admin.vehicle.VehicleRepository vehicles, RedissonClient redis,
                           TerminalConfigProperties properties, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.configs = configs;
        this.verifier = new TerminalRequestVerifier(
                vin -> vehicles.find(vin).filter(v -> v.enabled()).flatMap(v -> secrets.secret(vin)),
                redis, RedisKeys.PREFIX + "admin:tcfg-seen:", properties.clockSkew(), clock);
        this.json = json;
        this.meters = meters;
    }

    /** The answer: plain settings, and the credentials sealed for this terminal (null when none are configured). */
    record TerminalConfigResponse(String vin, Instant issuedAt, int reportIntervalS, int heartbeatIntervalS,
                                  int baudRate, String dispatchHost, int dispatchPort, SealedCredentials credentials) {
    }

    /**
     * @param iv         base64, 12 bytes
     * @param ciphertext base64, AES-GCM ciphertext and 16-byte tag of {@code {"account":..,"password":..}} (UTF-8)
     */
    record SealedCredentials(String alg, String iv, String ciphertext) {
    }

    @GetMapping("/config")
    @Operation(summary = "a terminal's configuration, for the terminal itself (HMAC-signed request)")
    TerminalConfigResponse config(@RequestParam(required = false) String vin,
                                  @RequestHeader(value = TIMESTAMP, required = false) String timestamp,
                                  @RequestHeader(value = SIGNATURE, required = false) String signature) {
        TerminalRequestVerifier.Verified request = verifier.verify(Vin.normalize(vin), timestamp, signature);
        String v = request.vin();
        TerminalConfigService.Resolved r = configs.resolve(v);
        EffectiveConfig c = r.config();
        SealedCredentials sealed = null;
        if (c.platformAccount() != null) {
            Map<String, String> plain = new LinkedHashMap<>();
            plain.put("account", c.platformAccount());
            plain.put("password", r.platformPassword());
            byte[] iv = TerminalCrypto.randomIv(random);
            byte[] ct = TerminalCrypto.encrypt(TerminalCrypto.configKey(request.secret(), v), iv,
                    request.signedMessage(), json.writeValueAsString(plain).getBytes(StandardCharsets.UTF_8));
            sealed = new SealedCredentials(ALGORITHM, Base64.getEncoder().encodeToString(iv),
                    Base64.getEncoder().encodeToString(ct));
        }
        meters.counter("gb32960.admin.terminal.config.requests", "result", "ok").increment();
        return new TerminalConfigResponse(v, request.verifiedAt(), c.reportIntervalS(), c.heartbeatIntervalS(),
                c.baudRate(), c.dispatchHost(), c.dispatchPort(), sealed);
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused e) {
        meters.counter("gb32960.admin.terminal.config.requests", "result", e.reason()).increment();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "terminal authentication failed");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "GB32960-HMAC").body(p);
    }
}
