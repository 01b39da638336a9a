package io.gb32960.platform.common.cluster;

import io.gb32960.platform.common.redis.RedisKeys;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
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

    private final RedissonClient redis;
    private final SecureRandom random = new SecureRandom();

    public SessionTokens(RedissonClient redis) {
        this.redis = redis;
    }

    /** A new 32-hex-digit token for {@code vin}, valid for {@code ttl}. */
    public CompletionStage<String> create(String vin, Duration ttl) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        return redis.<String>getBucket(RedisKeys.token(vin), StringCodec.INSTANCE).setAsync(token, ttl)
                .thenApply(x -> token);
    }

    /** Whether {@code token} is the valid token of {@code vin}; a valid token is used up. */
    public CompletionStage<Boolean> consume(String vin, String token) {
        return redis.getScript(StringCodec.INSTANCE).<Long>evalAsync(RScript.Mode.READ_WRITE, CONSUME,
                RScript.ReturnType.LONG, List.of(RedisKeys.token(vin)), token).thenApply(n -> n != null && n == 1L);
    }
}
