package io.gb32960.web.terminal;

import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a terminal's signed request (docs/admin-backend.md, the terminal configuration; the OTA
 * service's version check is signed alike): {@value #TIMESTAMP} (epoch ms) and {@value #SIGNATURE}
 * (base64 HMAC-SHA256 of {@code VIN:timestamp} under the terminal's secret). The timestamp must be
 * within the clock skew and is accepted once per VIN (remembered in Redis for as long as it would
 * be fresh). Every failure is a {@link Refused}, whose reason is for metrics only: a terminal is
 * told nothing that tells them apart.
 */
public final class TerminalRequestVerifier {

    public static final String TIMESTAMP = "X-GB32960-Timestamp";
    public static final String SIGNATURE = "X-GB32960-Signature";
    private static final int VIN_LENGTH = 17;

    /** The secret of a vehicle's terminal, when the vehicle is enabled and has one. */
    @FunctionalInterface
    public interface Secrets {
        Optional<byte[]> of(String vin);
    }

    /** A request the terminal of {@code vin} signed at {@code timestamp}, verified at {@code verifiedAt}. */
    public record Verified(String vin, long timestamp, Instant verifiedAt, byte[] secret) {

        /** What the terminal signed; also the AAD of what is encrypted for it in the answer. */
        public byte[] signedMessage() {
            return TerminalCrypto.signedMessage(vin, timestamp);
        }
    }

    /** A terminal that did not prove who it is. */
    public static final class Refused extends RuntimeException {
        private final String reason;

        public Refused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        /** incomplete, malformed, stale, unknown, signature, replay, or what a {@link Secrets} refused with. */
        public String reason() {
            return reason;
        }
    }

    private final Secrets secrets;
    private final RedissonClient redis;
    private final String seenKeyPrefix;
    private final Duration clockSkew;
    private final Clock clock;

    /** @param seenKeyPrefix Redis key prefix of the timestamps seen, per service; {@code {VIN}:timestamp} follows */
    public TerminalRequestVerifier(Secrets secrets, RedissonClient redis, String seenKeyPrefix, Duration clockSkew,
                                   Clock clock) {
        this.secrets = secrets;
        this.redis = redis;
        this.seenKeyPrefix = seenKeyPrefix;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** @param vin normalized (trimmed, upper case) */
    public Verified verify(String vin, String timestamp, String signature) {
        if (vin == null || vin.length() != VIN_LENGTH || timestamp == null || signature == null) {
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
        if (Duration.between(Instant.ofEpochMilli(ts), now).abs().compareTo(clockSkew) > 0) {
            throw new Refused("stale");
        }
        byte[] secret = secrets.of(vin).orElseThrow(() -> new Refused("unknown"));
        Verified request = new Verified(vin, ts, now, secret);
        if (!TerminalCrypto.equal(TerminalCrypto.hmacSha256(secret, request.signedMessage()), given)) {
            throw new Refused("signature");
        }
        boolean first = redis.getBucket(seenKeyPrefix + "{" + vin + "}:" + ts, StringCodec.INSTANCE)
                .setIfAbsent("1", clockSkew.multipliedBy(2));
        if (!first) {
            throw new Refused("replay");
        }
        return request;
    }
}
