package io.gb32960.platform.common.cluster;

import io.gb32960.platform.common.redis.RedisKeys;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One-time session tokens that bind a dispatch assignment to the vehicle login that follows it:
 * created by the dispatch listener, consumed (compared and deleted atomically) by the access node.
 */
public final class SessionTokens {

    private static final String CONSUME = """
            if redis.call('get', KEYS[1]) == ARGV[1] then
              redis.call('del', KEYS[1])
              return 1
            end
            return 0""";

    /**
     * A token for a registered, enabled vehicle only: one round trip checks the registry and sets
     * the token. KEYS: vehicle, token. ARGV: token, ttl ms. Returns 1 when set.
     */
    private static final String CREATE_IF_REGISTERED = """
            if redis.call('exists', KEYS[1]) == 0 then return 0 end
            if redis.call('hget', KEYS[1], 'enabled') == 'false' then return 0 end
            redis.call('set', KEYS[2], ARGV[1], 'PX', ARGV[2])
            return 1""";

    private final RedissonClient redis;
    /** One generator per thread: a shared SecureRandom is a lock every dispatch takes. */
    private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(SecureRandom::new);

    public SessionTokens(RedissonClient redis) {
        this.redis = redis;
    }

    /** A new 32-hex-digit token for {@code vin}, valid for {@code ttl}. */
    public CompletionStage<String> create(String vin, Duration ttl) {
        String token = newToken();
        return redis.<String>getBucket(RedisKeys.token(vin), StringCodec.INSTANCE).setAsync(token, ttl)
                .thenApply(x -> token);
    }

    /** A new token for {@code vin} if the vehicle is registered and enabled (checked in the same step). */
    public CompletionStage<Optional<String>> createIfRegistered(String vin, Duration ttl) {
        String token = newToken();
        return redis.getScript(StringCodec.INSTANCE).<Long>evalAsync(RScript.Mode.READ_WRITE, CREATE_IF_REGISTERED,
                        RScript.ReturnType.LONG, List.of(RedisKeys.vehicle(vin), RedisKeys.token(vin)), token,
                        Long.toString(ttl.toMillis()))
                .thenApply(n -> n != null && n == 1L ? Optional.of(token) : Optional.<String>empty());
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.get().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Whether {@code token} is the valid token of {@code vin}; a valid token is used up. */
    public CompletionStage<Boolean> consume(String vin, String token) {
        return redis.getScript(StringCodec.INSTANCE).<Long>evalAsync(RScript.Mode.READ_WRITE, CONSUME,
                RScript.ReturnType.LONG, List.of(RedisKeys.token(vin)), token).thenApply(n -> n != null && n == 1L);
    }
}
