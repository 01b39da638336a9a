package io.gb32960.platform.common.command;

import io.gb32960.platform.common.redis.RedisKeys;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Commands waiting for an offline vehicle's next login ({@code cmdq:{VIN}}, oldest first). Every
 * entry carries its own expiry; the list expires with the latest one.
 */
public final class CommandQueue {

    private static final Logger log = LoggerFactory.getLogger(CommandQueue.class);

    /** KEYS: the queue. Returns every entry and empties the queue, atomically. */
    private static final String TAKE_ALL = """
            local all = redis.call('lrange', KEYS[1], 0, -1)
            redis.call('del', KEYS[1])
            return all""";

    private final RedissonClient redis;
    private final CommandJson json;

    public CommandQueue(RedissonClient redis, CommandJson json) {
        this.redis = redis;
        this.json = json;
    }

    public CompletionStage<Void> enqueue(CommandEnvelope e) {
        RBatch batch = redis.createBatch();
        batch.getList(RedisKeys.commandQueue(e.vin()), StringCodec.INSTANCE).addAsync(json.toJson(e));
        // the list lives as long as its longest-lived entry
        batch.getScript(StringCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE, """
                        local ttl = redis.call('pttl', KEYS[1])
                        local want = tonumber(ARGV[1]) - tonumber(ARGV[2])
                        if ttl < want then redis.call('pexpire', KEYS[1], want) end
                        return 0""", RScript.ReturnType.LONG, List.of(RedisKeys.commandQueue(e.vin())),
                Long.toString(e.expiresAt()), Long.toString(System.currentTimeMillis()));
        return batch.executeAsync().thenApply(x -> null);
    }

    /** Takes every queued command of the vehicle (expired ones included: the caller reports them). */
    public CompletionStage<List<CommandEnvelope>> takeAll(String vin) {
        return redis.getScript(StringCodec.INSTANCE).<List<Object>>evalAsync(RScript.Mode.READ_WRITE, TAKE_ALL,
                RScript.ReturnType.LIST, List.of(RedisKeys.commandQueue(vin))).thenApply(all -> {
                    List<CommandEnvelope> out = new ArrayList<>(all.size());
                    for (Object o : all) {
                        try {
                            out.add(json.envelope(String.valueOf(o)));
                        } catch (RuntimeException e) {
                            log.warn("[{}] unreadable queued command dropped: {}: {}", vin, e.toString(), o);
                        }
                    }
                    return out;
                });
    }

    public static boolean expired(CommandEnvelope e, Instant now) {
        return e.expiresAt() > 0 && e.expiresAt() <= now.toEpochMilli();
    }
}
