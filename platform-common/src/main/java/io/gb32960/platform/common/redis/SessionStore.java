package io.gb32960.platform.common.redis;

import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * A whole vehicle login in one round trip: registry check, token check (consumed when valid),
     * then session and route as {@link #PUT}. The node-vins set is not touched (another slot).
     * KEYS: vehicle, token, session, route, command queue. ARGV: node, connection, loginAt, ttl in
     * ms, ICCID, '1' to reject an ICCID mismatch, token ('' = none), '1' to require a valid token.
     * Returns {status, registry fields (flat), token check, previous owner or '', queued commands}.
     */
    private static final String LOGIN = """
            local fields = redis.call('hgetall', KEYS[1])
            if #fields == 0 then return {'NOT_REGISTERED', {}, 'NONE', ''} end
            local enabled, iccid = nil, nil
            for i = 1, #fields, 2 do
              if fields[i] == 'enabled' then enabled = fields[i + 1] end
              if fields[i] == 'iccid' then iccid = fields[i + 1] end
            end
            if enabled == 'false' then return {'DISABLED', fields, 'NONE', ''} end
            if ARGV[6] == '1' and iccid and iccid ~= '' and iccid ~= ARGV[5] then
              return {'ICCID_MISMATCH', fields, 'NONE', ''}
            end
            local token = 'NONE'
            if ARGV[7] ~= '' then
              if redis.call('get', KEYS[2]) == ARGV[7] then
                redis.call('del', KEYS[2])
                token = 'VALID'
              else
                token = 'INVALID'
              end
            end
            if ARGV[8] == '1' and token ~= 'VALID' then return {'TOKEN_REJECTED', fields, token, ''} end
            local previous = redis.call('get', KEYS[4])
            if not previous then
              local n = redis.call('hget', KEYS[3], 'node')
              local c = redis.call('hget', KEYS[3], 'connection')
              if n and c then previous = n .. '|' .. c else previous = '' end
            end
            redis.call('del', KEYS[3])
            redis.call('hset', KEYS[3], 'node', ARGV[1], 'connection', ARGV[2], 'loginAt', ARGV[3])
            redis.call('pexpire', KEYS[3], ARGV[4])
            redis.call('set', KEYS[4], ARGV[1] .. '|' .. ARGV[2], 'PX', ARGV[4])
            return {'ADMITTED', fields, token, previous, redis.call('llen', KEYS[5])}""";

    /**
     * Resumes a vehicle's session on a new connection that sends data without logging in (the
     * node restarted, or the terminal reconnected without a login): only when the vehicle is
     * registered, enabled and has a session or route somewhere. KEYS: vehicle, session, route.
     * ARGV: node, connection, now, ttl in ms. Returns {status, registry fields (flat), previous owner or ''}.
     */
    private static final String RESUME = """
            local fields = redis.call('hgetall', KEYS[1])
            if #fields == 0 then return {'NOT_REGISTERED', {}, ''} end
            for i = 1, #fields, 2 do
              if fields[i] == 'enabled' and fields[i + 1] == 'false' then return {'DISABLED', fields, ''} end
            end
            local previous = redis.call('get', KEYS[3])
            local loginAt = redis.call('hget', KEYS[2], 'loginAt')
            if not previous then
              local n = redis.call('hget', KEYS[2], 'node')
              local c = redis.call('hget', KEYS[2], 'connection')
              if not (n and c) then return {'NO_SESSION', fields, ''} end
              previous = n .. '|' .. c
            end
            redis.call('del', KEYS[2])
            redis.call('hset', KEYS[2], 'node', ARGV[1], 'connection', ARGV[2], 'loginAt', loginAt or ARGV[3])
            redis.call('pexpire', KEYS[2], ARGV[4])
            redis.call('set', KEYS[3], ARGV[1] .. '|' .. ARGV[2], 'PX', ARGV[4])
            return {'RESUMED', fields, previous}""";

    /** Deletes route and session while they name the node. KEYS: session, route. ARGV: node. */
    private static final String REMOVE_IF_NODE = """
            local route = redis.call('get', KEYS[2])
            local prefix = ARGV[1] .. '|'
            if route and string.sub(route, 1, #prefix) == prefix then
              redis.call('del', KEYS[2])
              if redis.call('hget', KEYS[1], 'node') == ARGV[1] then redis.call('del', KEYS[1]) end
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

    /** What a vehicle login asks of Redis; {@code token} null when the login carries none. */
    public record LoginRequest(Session session, Duration ttl, String iccid, boolean rejectIccidMismatch, String token,
                               boolean requireToken) {
    }

    public enum LoginStatus {
        ADMITTED, NOT_REGISTERED, DISABLED, ICCID_MISMATCH, TOKEN_REJECTED
    }

    public enum TokenCheck {
        NONE, VALID, INVALID
    }

    /**
     * @param registry the vehicle's registry hash (empty when not registered)
     * @param previous       who held the vehicle before an admitted login
     * @param queuedCommands commands waiting in the vehicle's offline queue
     */
    public record LoginOutcome(LoginStatus status, Map<String, String> registry, TokenCheck token,
                               Optional<Owner> previous, long queuedCommands) {
    }

    /**
     * A vehicle login in one atomic round trip: the VIN must be registered and enabled, the ICCID
     * match (when asked), the token be valid (when given, it is used up; when required, it must be
     * given); only then are session and route written. The node's VIN set is left to the caller.
     */
    public CompletionStage<LoginOutcome> login(LoginRequest r) {
        Session s = r.session();
        return redis.getScript(StringCodec.INSTANCE).<List<Object>>evalAsync(RScript.Mode.READ_WRITE, LOGIN,
                        RScript.ReturnType.LIST, List.of(RedisKeys.vehicle(s.vin()), RedisKeys.token(s.vin()),
                                RedisKeys.session(s.vin()), RedisKeys.route(s.vin()), RedisKeys.commandQueue(s.vin())),
                        s.node(), s.connection(), s.loginAt().toString(), Long.toString(r.ttl().toMillis()),
                        r.iccid(), r.rejectIccidMismatch() ? "1" : "0", r.token() == null ? "" : r.token(),
                        r.requireToken() ? "1" : "0")
                .thenApply(SessionStore::outcome);
    }

    private static LoginOutcome outcome(List<Object> reply) {
        String previous = String.valueOf(reply.get(3));
        return new LoginOutcome(LoginStatus.valueOf(String.valueOf(reply.get(0))), fields(reply.get(1)),
                TokenCheck.valueOf(String.valueOf(reply.get(2))),
                previous.isEmpty() ? Optional.empty() : Optional.of(Owner.parse(previous)),
                reply.size() > 4 ? Long.parseLong(String.valueOf(reply.get(4))) : 0);
    }

    public enum ResumeStatus {
        RESUMED, NO_SESSION, NOT_REGISTERED, DISABLED
    }

    /**
     * @param registry the vehicle's registry hash (empty when not registered)
     * @param previous who held the session before it moved to the new connection
     */
    public record ResumeOutcome(ResumeStatus status, Map<String, String> registry, Optional<Owner> previous) {
    }

    /**
     * Moves an existing session of {@code s.vin()} to the connection {@code s}, atomically, when the
     * vehicle is registered and enabled and is logged in somewhere: a node that restarted, or lost
     * its local entry, keeps accepting the vehicle's data without a new login.
     */
    public CompletionStage<ResumeOutcome> resume(Session s, Duration ttl) {
        return redis.getScript(StringCodec.INSTANCE).<List<Object>>evalAsync(RScript.Mode.READ_WRITE, RESUME,
                        RScript.ReturnType.LIST, List.of(RedisKeys.vehicle(s.vin()), RedisKeys.session(s.vin()),
                                RedisKeys.route(s.vin())),
                        s.node(), s.connection(), s.loginAt().toString(), Long.toString(ttl.toMillis()))
                .thenApply(reply -> {
                    String previous = String.valueOf(reply.get(2));
                    return new ResumeOutcome(ResumeStatus.valueOf(String.valueOf(reply.get(0))), fields(reply.get(1)),
                            previous.isEmpty() ? Optional.empty() : Optional.of(Owner.parse(previous)));
                });
    }

    private static Map<String, String> fields(Object flatList) {
        Map<String, String> fields = new HashMap<>();
        List<?> flat = (List<?>) flatList;
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return fields;
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

    /** Removes the vehicle's session and route if they still name {@code node} (a dead node); true when removed. */
    public CompletionStage<Boolean> removeIfNode(String vin, String node) {
        return redis.getScript(StringCodec.INSTANCE).<Long>evalAsync(RScript.Mode.READ_WRITE, REMOVE_IF_NODE,
                        RScript.ReturnType.LONG, List.of(RedisKeys.session(vin), RedisKeys.route(vin)), node)
                .thenApply(n -> n != null && n == 1L);
    }

    /** Forgets a dead node's VIN set. */
    public CompletionStage<Void> deleteNodeVins(String node) {
        return redis.getKeys().deleteAsync(RedisKeys.nodeVins(node)).thenApply(x -> null);
    }

    public CompletionStage<Void> removeNodeVins(String node, Collection<String> vins) {
        if (vins.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return redis.<String>getSet(RedisKeys.nodeVins(node), StringCodec.INSTANCE).removeAllAsync(vins).thenApply(x -> null);
    }

    public CompletionStage<Void> removeNodeVin(String node, String vin) {
        return redis.getSet(RedisKeys.nodeVins(node), StringCodec.INSTANCE).removeAsync(vin).thenApply(x -> null);
    }
}
