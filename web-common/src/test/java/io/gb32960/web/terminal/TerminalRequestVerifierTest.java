package io.gb32960.web.terminal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.Codec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class TerminalRequestVerifierTest {

    private static final String VIN = "LSVAU2180N2183294";
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final RedissonClient redis = mock(RedissonClient.class);
    @SuppressWarnings("unchecked")
    private final RBucket<Object> seen = mock(RBucket.class);
    private final TerminalRequestVerifier verifier = new TerminalRequestVerifier(
            vin -> VIN.equals(vin) ? Optional.of(SECRET) : Optional.empty(), redis, "gb32960:test:seen:", SKEW,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void firstSeen() {
        when(redis.getBucket(any(String.class), any(Codec.class))).thenReturn(seen);
        when(seen.setIfAbsent(eq("1"), any(Duration.class))).thenReturn(true);
    }

    @Test
    void acceptsAFreshSignatureOnceAndRemembersItForTwiceTheSkew() {
        long ts = NOW.toEpochMilli() - 1_000;

        TerminalRequestVerifier.Verified request = verifier.verify(VIN, " " + ts + " ", sign(VIN, ts));

        assertThat(request.vin()).isEqualTo(VIN);
        assertThat(request.timestamp()).isEqualTo(ts);
        assertThat(request.verifiedAt()).isEqualTo(NOW);
        assertThat(request.secret()).isEqualTo(SECRET);
        assertThat(request.signedMessage()).isEqualTo((VIN + ":" + ts).getBytes());
        verify(redis).getBucket(eq("gb32960:test:seen:{" + VIN + "}:" + ts), any(Codec.class));
        verify(seen).setIfAbsent("1", SKEW.multipliedBy(2));

        when(seen.setIfAbsent(eq("1"), any(Duration.class))).thenReturn(false);
        assertRefused(VIN, String.valueOf(ts), sign(VIN, ts), "replay");
    }

    @Test
    void refusesEachFailureWithItsReason() {
        long ts = NOW.toEpochMilli();
        assertRefused(null, String.valueOf(ts), sign(VIN, ts), "incomplete");
        assertRefused("SHORT", String.valueOf(ts), sign(VIN, ts), "incomplete");
        assertRefused(VIN, null, sign(VIN, ts), "incomplete");
        assertRefused(VIN, String.valueOf(ts), null, "incomplete");
        assertRefused(VIN, "yesterday", sign(VIN, ts), "malformed");
        assertRefused(VIN, String.valueOf(ts), "not base64!", "malformed");
        long stale = NOW.minus(SKEW).toEpochMilli() - 1;
        assertRefused(VIN, String.valueOf(stale), sign(VIN, stale), "stale");
        long future = NOW.plus(SKEW).toEpochMilli() + 1;
        assertRefused(VIN, String.valueOf(future), sign(VIN, future), "stale");
        String other = "LSVAU2180N2183295";
        assertRefused(other, String.valueOf(ts), sign(other, ts), "unknown");
        assertRefused(VIN, String.valueOf(ts), sign(VIN, ts + 1), "signature");
    }

    private void assertRefused(String vin, String timestamp, String signature, String reason) {
        assertThatThrownBy(() -> verifier.verify(vin, timestamp, signature))
                .isInstanceOfSatisfying(TerminalRequestVerifier.Refused.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static String sign(String vin, long ts) {
        return Base64.getEncoder().encodeToString(TerminalCrypto.hmacSha256(SECRET, TerminalCrypto.signedMessage(vin, ts)));
    }
}
