package io.gb32960.admin.terminal;

import io.gb32960.admin.vehicle.Vin;
import io.gb32960.platform.common.redis.RedisKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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

    static final String TIMESTAMP = "X-GB32960-Timestamp";
    static final String SIGNATURE = "X-GB32960-Signature";
    static final String ALGORITHM = "A256GCM+HKDF-SHA256";

    private final TerminalConfigService configs;
    private final TerminalSecrets secrets;
    private final io.gb32960.admin.vehicle.VehicleRepository vehicles;
    private final RedissonClient redis;
    private final TerminalConfigProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SecureRandom random = new SecureRandom();

    TerminalConfigEndpoint(TerminalConfigService configs, TerminalSecrets secrets,
                           io.gb32960.admin.vehicle.VehicleRepository vehicles, RedissonClient redis,
                           TerminalConfigProperties properties, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.configs = configs;
        this.secrets = secrets;
        this.vehicles = vehicles;
        this.redis = redis;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
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

    /** A terminal that did not prove who it is. */
    static final class Refused extends RuntimeException {
        final String reason;

        Refused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    @GetMapping("/config")
    @Operation(summary = "a terminal's configuration, for the terminal itself (HMAC-signed request)")
    TerminalConfigResponse config(@RequestParam(required = false) String vin,
                                  @RequestHeader(value = TIMESTAMP, required = false) String timestamp,
                                  @RequestHeader(value = SIGNATURE, required = false) String signature) {
        String v = Vin.normalize(vin);
        if (v == null || v.length() != Vin.LENGTH || timestamp == null || signature == null) {
            throw new Refused("incomplete");
        }
        long ts;
        byte[] given;
        try {
            ts = Long.parseLong(timestamp.trim());
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            throw new Refused("malformed");
        }
        Instant now = clock.instant();
        if (Duration.between(Instant.ofEpochMilli(ts), now).abs().compareTo(properties.clockSkew()) > 0) {
            throw new Refused("stale");
        }
        boolean enabled = vehicles.find(v).map(x -> x.enabled()).orElse(false);
        Optional<byte[]> secret = enabled ? secrets.secret(v) : Optional.empty();
        if (secret.isEmpty()) {
            throw new Refused("unknown");
        }
        byte[] message = TerminalCrypto.signedMessage(v, ts);
        if (!TerminalCrypto.equal(TerminalCrypto.hmacSha256(secret.get(), message), given)) {
            throw new Refused("signature");
        }
        // each timestamp once per VIN, remembered for as long as it would be fresh
        boolean first = redis.getBucket(RedisKeys.PREFIX + "admin:tcfg-seen:{" + v + "}:" + ts, StringCodec.INSTANCE)
                .setIfAbsent("1", properties.clockSkew().multipliedBy(2));
        if (!first) {
            throw new Refused("replay");
        }
        TerminalConfigService.Resolved r = configs.resolve(v);
        EffectiveConfig c = r.config();
        SealedCredentials sealed = null;
        if (c.platformAccount() != null) {
            Map<String, String> plain = new LinkedHashMap<>();
            plain.put("account", c.platformAccount());
            plain.put("password", r.platformPassword());
            byte[] iv = TerminalCrypto.randomIv(random);
            byte[] ct = TerminalCrypto.encrypt(TerminalCrypto.configKey(secret.get(), v), iv, message,
                    json.writeValueAsString(plain).getBytes(StandardCharsets.UTF_8));
            sealed = new SealedCredentials(ALGORITHM, Base64.getEncoder().encodeToString(iv),
                    Base64.getEncoder().encodeToString(ct));
        }
        meters.counter("gb32960.admin.terminal.config.requests", "result", "ok").increment();
        return new TerminalConfigResponse(v, now, c.reportIntervalS(), c.heartbeatIntervalS(), c.baudRate(),
                c.dispatchHost(), c.dispatchPort(), sealed);
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused e) {
        meters.counter("gb32960.admin.terminal.config.requests", "result", e.reason).increment();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "terminal authentication failed");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "GB32960-HMAC").body(p);
    }
}
