package io.gb32960.platform.common.redis;

import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The cluster-wide truth about logged-in vehicles: {@code session:{VIN}} and {@code route:{VIN}}
 * (value {@code node|connection}) with a TTL that traffic refreshes, plus the set of VINs each node
 * has routed to itself ({@code node-vins:{NODE}}, no TTL, for reconciliation without SCAN).
 *
 * <p>Writes of session and route are Lua compare-and-set scripts touching only the two keys of one
 * VIN (one hash slot): a login returns the previous owner atomically, so of two nodes logging the
 * same VIN in at once the later one learns about the earlier one and kicks it; a node removes a
 * session only while its own connection owns it, so a late disconnect on an old node never deletes
 * a newer login's route. The node-vins set lives in another slot and is maintained by separate
 * commands; the reconciliation of each node repairs it.
 */
public final class SessionStore {

    /**
     * Sets session and route, returns the previous owner {@code node|connection} (from the route,
     * or from the session when the route is gone) or nil.
     * KEYS: session, route. ARGV: node, connection, loginAt, ttl in ms.
     */
    private static final String PUT = """
            local previous = redis.call('get', KEYS[2])
            if not previous then
              local n = redis.call('hget', KEYS[1], 'node')
              local c = redis.call('hget', KEYS[1], 'connection')
              if n and c then previous = n .. '|' .. c end
            end
            redis.call('del', KEYS[1])
            redis.call('hset', KEYS[1], 'node', ARGV[1], 'connection', ARGV[2], 'loginAt', ARGV[3])
            redis.call('pexpire', KEYS[1], ARGV[4])
            redis.call('set', KEYS[2], ARGV[1] .. '|' .. ARGV[2], 'PX', ARGV[4])
            return previous""";

    /**
     * Sets session and route only while the route still has the expected value ('' = no route).
     * KEYS: session, route. ARGV: node, connection, loginAt, ttl in ms, expected route.
     */
    private static final String REPLACE = """
            local current = redis.call('get', KEYS[2]) or ''
            if current ~= ARGV[5] then return 0 end
            redis.call('del', KEYS[1])
            redis.call('hset', KEYS[1], 'node', ARGV[1], 'connection', ARGV[2], 'loginAt', ARGV[3])
            redis.call('pexpire', KEYS[1], ARGV[4])
            redis.call('set', KEYS[2], ARGV[1] .. '|' .. ARGV[2], 'PX', ARGV[4])
            return 1""";

    /** Deletes session and route, each only while it belongs to the given connection. KEYS: session, route. */
    private static final String REMOVE_IF_OWNED = """
            local removed = 0
            if redis.call('hget', KEYS[1], 'connection') == ARGV[1] then
              redis.call('del', KEYS[1])
              removed = 1
            end
            local route = redis.call('get', KEYS[2])
            local suffix = '|' .. ARGV[1]
            if route and #route > #suffix and string.sub(route, -#suffix) == suffix then
              redis.call('del', KEYS[2])
              removed = 1
            end
            return removed""";

    private final RedissonClient redis;

    public SessionStore(RedissonClient redis) {
        this.redis = redis;
    }

    /** A session as stored. */
    public record Session(String vin, String node, String connection, Instant loginAt) {
    }

    /**
     * Who holds a vehicle: the node and its connection ({@code node|connection} in the route key).
     * Node ids must not contain {@code |}.
     */
    public record Owner(String node, String connection) {

        public static Owner parse(String route) {
            int bar = route.indexOf('|');
            return bar < 0 ? new Owner(route, "") : new Owner(route.substring(0, bar), route.substring(bar + 1));
        }

        public String value() {
            return node + "|" + connection;
        }
    }

    /**
     * Stores the session and route of a login and adds the VIN to the node's set; completes with the
     * previous owner, read and replaced atomically (empty when nobody held the vehicle).
     */
    public CompletionStage<Optional<Owner>> put(Session s, Duration ttl) {
        RBatch batch = redis.createBatch();
        CompletionStage<String> previous = batch.getScript(StringCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE,
                PUT, RScript.ReturnType.VALUE, List.of(RedisKeys.session(s.vin()), RedisKeys.route(s.vin())),
                s.node(), s.connection(), s.loginAt().toString(), Long.toString(ttl.toMillis()));
        batch.getSet(RedisKeys.nodeVins(s.node()), StringCodec.INSTANCE).addAsync(s.vin());
        return batch.executeAsync().thenCompose(r -> previous)
                .thenApply(p -> p == null ? Optional.<Owner>empty() : Optional.of(Owner.parse(p)));
    }

    /**
     * Stores the session and route only while the route is still {@code expected} (empty: no
     * route); true when written. Reconciliation uses it so it never overwrites a newer login.
     */
    public CompletionStage<Boolean> replace(Session s, Optional<Owner> expected, Duration ttl) {
        RBatch batch = redis.createBatch();
        CompletionStage<Long> written = batch.getScript(StringCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE,
                REPLACE, RScript.ReturnType.LONG, List.of(RedisKeys.session(s.vin()), RedisKeys.route(s.vin())),
                s.node(), s.connection(), s.loginAt().toString(), Long.toString(ttl.toMillis()),
                expected.map(Owner::value).orElse(""));
        batch.getSet(RedisKeys.nodeVins(s.node()), StringCodec.INSTANCE).addAsync(s.vin());
        return batch.executeAsync().thenCompose(r -> written).thenApply(n -> n != null && n == 1L);
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
        return owner(vin).thenApply(o -> o.map(Owner::node));
    }

    /** The node and connection holding the vehicle, if it is logged in anywhere. */
    public CompletionStage<Optional<Owner>> owner(String vin) {
        return redis.<String>getBucket(RedisKeys.route(vin), StringCodec.INSTANCE).getAsync()
                .thenApply(r -> r == null ? Optional.<Owner>empty() : Optional.of(Owner.parse(r)));
    }

    /** Removes session and route if {@code connection} still owns them; true when something was removed. */
    public CompletionStage<Boolean> removeIfOwned(String vin, String connection) {
        return redis.getScript(StringCodec.INSTANCE).<Long>evalAsync(RScript.Mode.READ_WRITE, REMOVE_IF_OWNED,
                        RScript.ReturnType.LONG, List.of(RedisKeys.session(vin), RedisKeys.route(vin)), connection)
                .thenApply(n -> n != null && n == 1L);
    }

    /**
     * {@link #removeIfOwned} by a node: when removed, the VIN also leaves the node's set (when not,
     * a newer login owns the vehicle and the node's reconciliation tidies the set).
     */
    public CompletionStage<Boolean> removeIfOwned(String vin, String node, String connection) {
        return removeIfOwned(vin, connection).thenCompose(removed -> removed
                ? redis.getSet(RedisKeys.nodeVins(node), StringCodec.INSTANCE).removeAsync(vin).thenApply(x -> true)
                : CompletableFuture.completedFuture(false));
    }

    /** The VINs a node has routed to itself (a superset of what it holds; see reconciliation). */
    public CompletionStage<Set<String>> nodeVins(String node) {
        return redis.<String>getSet(RedisKeys.nodeVins(node), StringCodec.INSTANCE).readAllAsync();
    }

    public CompletionStage<Void> addNodeVins(String node, Collection<String> vins) {
        if (vins.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return redis.<String>getSet(RedisKeys.nodeVins(node), StringCodec.INSTANCE).addAllAsync(vins).thenApply(x -> null);
    }

    public CompletionStage<Void> removeNodeVin(String node, String vin) {
        return redis.getSet(RedisKeys.nodeVins(node), StringCodec.INSTANCE).removeAsync(vin).thenApply(x -> null);
    }
}
