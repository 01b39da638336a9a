package io.gb32960.platform.common.redis;

import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The cluster-wide truth about logged-in vehicles: {@code session:{VIN}} and {@code route:{VIN}}
 * with a TTL that traffic refreshes. A node only removes a session it still owns (the connection
 * id matches), so a vehicle that already logged in elsewhere is not logged out by the old node.
 */
public final class SessionStore {

    /** Deletes session and route only when the session belongs to the given connection. */
    private static final String REMOVE_IF_OWNED = """
            if redis.call('hget', KEYS[1], 'connection') == ARGV[1] then
              redis.call('del', KEYS[1])
              redis.call('del', KEYS[2])
              return 1
            end
            return 0""";

    private final RedissonClient redis;

    public SessionStore(RedissonClient redis) {
        this.redis = redis;
    }

    /** A session as stored. */
    public record Session(String vin, String node, String connection, Instant loginAt) {
    }

    public CompletionStage<Void> put(Session s, Duration ttl) {
        RBatch batch = redis.createBatch();
        String key = RedisKeys.session(s.vin());
        batch.<String, String>getMap(key, StringCodec.INSTANCE).putAllAsync(Map.of(
                "node", s.node(), "connection", s.connection(), "loginAt", s.loginAt().toString()));
        batch.getMap(key, StringCodec.INSTANCE).expireAsync(ttl);
        batch.<String>getBucket(RedisKeys.route(s.vin()), StringCodec.INSTANCE).setAsync(s.node(), ttl);
        return batch.executeAsync().thenApply(r -> null);
    }

    /** Extends the TTL of a vehicle's session and route. */
    public CompletionStage<Void> refresh(String vin, Duration ttl) {
        RBatch batch = redis.createBatch();
        batch.getMap(RedisKeys.session(vin), StringCodec.INSTANCE).expireAsync(ttl);
        batch.getBucket(RedisKeys.route(vin), StringCodec.INSTANCE).expireAsync(ttl);
        return batch.executeAsync().thenApply(r -> null);
    }

    public CompletionStage<Optional<Session>> get(String vin) {
        return redis.<String, String>getMap(RedisKeys.session(vin), StringCodec.INSTANCE).readAllMapAsync()
                .thenApply(f -> f.isEmpty() ? Optional.empty() : Optional.of(new Session(vin, f.get("node"),
                        f.get("connection"), Instant.parse(f.getOrDefault("loginAt", Instant.EPOCH.toString())))));
    }

    /** The node holding the vehicle, if it is logged in anywhere. */
    public CompletionStage<Optional<String>> route(String vin) {
        return redis.<String>getBucket(RedisKeys.route(vin), StringCodec.INSTANCE).getAsync().thenApply(Optional::ofNullable);
    }

    /** Removes the session if {@code connection} still owns it; true when removed. */
    public CompletionStage<Boolean> removeIfOwned(String vin, String connection) {
        return redis.getScript(StringCodec.INSTANCE).<Long>evalAsync(RScript.Mode.READ_WRITE, REMOVE_IF_OWNED,
                        RScript.ReturnType.LONG, List.of(RedisKeys.session(vin), RedisKeys.route(vin)), connection)
                .thenApply(n -> n != null && n == 1L);
    }
}
