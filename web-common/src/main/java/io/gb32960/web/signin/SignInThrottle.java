package io.gb32960.web.signin;

import io.gb32960.platform.common.redis.RedisKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Brute-force protection of the sign-in form: failed sign-ins are counted per user name and per
 * remote address in Redis ({@code gb32960:admin:signin-failures:user:NAME} and
 * {@code ...:address:ADDR}), so every instance of the admin backend and the OTA service sees the same counts. A count
 * expires {@code lockout} after its last failure; at its limit the sign-in is refused before the
 * password is checked ({@link SignInThrottleFilter}). A successful sign-in clears its user name's
 * count, and so does an administrator's password reset.
 */
public class SignInThrottle {

    public static final String PREFIX = RedisKeys.PREFIX + "admin:signin-failures:";
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int MAX_KEY_PART = 128;

    private final RedissonClient redis;
    private final SignInLimits limits;
    private final Counter refused;

    public SignInThrottle(RedissonClient redis, SignInLimits limits, MeterRegistry meters) {
        this.redis = redis;
        this.limits = limits;
        this.refused = Counter.builder("gb32960.admin.sign.in.throttled")
                .description("sign-ins refused because of too many failures").register(meters);
    }

    /** How long sign-ins of this user name or from this address stay refused; empty: not refused. */
    public Optional<Duration> lockedFor(String username, String address) {
        Optional<Duration> user = locked(userKey(username), limits.maxFailuresPerUser());
        Optional<Duration> from = address == null ? Optional.empty()
                : locked(addressKey(address), limits.maxFailuresPerAddress());
        Optional<Duration> longer = Stream.of(user, from).flatMap(Optional::stream).max(Comparator.naturalOrder());
        longer.ifPresent(d -> {
            refused.increment();
            log.warn("sign-in of '{}' from {} refused: too many failures (for {} s more)", username, address,
                    d.toSeconds());
        });
        return longer;
    }

    /** Counts a failed sign-in. */
    public void failed(String username, String address) {
        RBatch batch = redis.createBatch();
        count(batch, userKey(username));
        if (address != null) {
            count(batch, addressKey(address));
        }
        batch.execute();
    }

    /** Forgets the failures of a user name (a successful sign-in, a password reset). */
    public void forget(String username) {
        redis.getAtomicLong(userKey(username)).delete();
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails) {
            forget(event.getAuthentication().getName());
        }
    }

    private void count(RBatch batch, String key) {
        // every failure extends the count's life: it ends lockout after the last failure
        batch.getAtomicLong(key).incrementAndGetAsync();
        batch.getAtomicLong(key).expireAsync(limits.lockout());
    }

    private Optional<Duration> locked(String key, int max) {
        RAtomicLong failures = redis.getAtomicLong(key);
        if (failures.get() < max) {
            return Optional.empty();
        }
        long ttl = failures.remainTimeToLive();
        return Optional.of(ttl > 0 ? Duration.ofMillis(ttl) : limits.lockout());
    }

    public static String userKey(String username) {
        return PREFIX + "user:" + part(username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    public static String addressKey(String address) {
        return PREFIX + "address:" + part(address);
    }

    private static String part(String s) {
        return s.length() > MAX_KEY_PART ? s.substring(0, MAX_KEY_PART) : s;
    }

    public static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
