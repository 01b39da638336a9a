package io.gb32960.consumers.keys;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.gb32960.consumers.config.ConsumersProperties;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.protocol.crypto.DataUnitCipher;
import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.protocol.crypto.SignatureVerifier;
import io.gb32960.protocol.frame.EncryptionType;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The keys of each vehicle, from Redis, cached, with the key file's keys as fallback. Lookups made by
 * the decoder never touch Redis: {@link #prefetch} loads what a batch needs in one pipelined round
 * trip before decoding, and {@link #refresh} reloads one vehicle when a frame fails with cached keys
 * (the vehicle may have exchanged a new key). Absent keys are cached too. Thread-safe.
 */
public final class VehicleKeys implements KeyProvider {

    private static final Logger log = LoggerFactory.getLogger(VehicleKeys.class);

    private final RedissonClient redis;
    private final KeyProvider fallback;
    private final ConsumersProperties.Keys settings;
    private final Ticker ticker;
    private final Cache<String, Entry> cache;

    /** @param redis null: the key file only */
    public VehicleKeys(RedissonClient redis, KeyProvider fallback, ConsumersProperties.Keys settings, Ticker ticker) {
        this.redis = redis;
        this.fallback = fallback;
        this.settings = settings;
        this.ticker = ticker;
        this.cache = CacheBuilder.newBuilder().ticker(ticker).maximumSize(settings.cacheSize())
                .expireAfterWrite(settings.cacheTtl().toNanos(), TimeUnit.NANOSECONDS).build();
    }

    /** One vehicle's keys from Redis (either may be null) and when they were read. */
    private record Entry(SignatureVerifier verifier, RedisKeyParser.SymmetricKey dataKey, long loadedAt) {
    }

    /** Loads the keys of the vehicles not cached yet, in one pipelined Redis round trip. */
    public void prefetch(Collection<String> vins) {
        if (redis == null) {
            return;
        }
        Map<String, Boolean> missing = new LinkedHashMap<>();
        for (String vin : vins) {
            if (cache.getIfPresent(vin) == null) {
                missing.put(vin, Boolean.TRUE);
            }
        }
        if (!missing.isEmpty()) {
            load(missing.keySet());
        }
    }

    /**
     * Reloads {@code vin}'s keys when the cached ones are older than the refresh interval.
     *
     * @return whether they were reloaded (worth decoding the frame again)
     */
    public boolean refresh(String vin) {
        if (redis == null) {
            return false;
        }
        Entry e = cache.getIfPresent(vin);
        if (e != null && ticker.read() - e.loadedAt < settings.refreshAfter().toNanos()) {
            return false;
        }
        load(List.of(vin));
        return true;
    }

    private void load(Collection<String> vins) {
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        Map<String, RFuture<String>> pub = new LinkedHashMap<>();
        Map<String, RFuture<Map<String, String>>> data = new LinkedHashMap<>();
        for (String vin : vins) {
            pub.put(vin, batch.<String>getBucket(RedisKeys.publicKey(vin), StringCodec.INSTANCE).getAsync());
            data.put(vin, batch.<String, String>getMap(RedisKeys.dataKey(vin), StringCodec.INSTANCE).readAllMapAsync());
        }
        batch.execute(); // a Redis failure throws: the batch is retried, nothing is decoded without keys
        long now = ticker.read();
        for (String vin : vins) {
            cache.put(vin, new Entry(verifier(vin, pub.get(vin).toCompletableFuture().join()),
                    dataKey(vin, data.get(vin).toCompletableFuture().join()), now));
        }
    }

    private static SignatureVerifier verifier(String vin, String hex) {
        if (hex == null || hex.isBlank()) {
            return null;
        }
        try {
            return RedisKeyParser.verifier(hex.strip());
        } catch (RuntimeException e) {
            log.warn("[{}] unusable public key in Redis: {}", vin, e.getMessage());
            return null;
        }
    }

    private RedisKeyParser.SymmetricKey dataKey(String vin, Map<String, String> hash) {
        if (hash == null || hash.isEmpty()) {
            return null;
        }
        try {
            return RedisKeyParser.dataKey(hash, settings.symmetricMode()).orElse(null);
        } catch (RuntimeException e) {
            log.warn("[{}] unusable data key in Redis: {}", vin, e.getMessage());
            return null;
        }
    }

    @Override
    public Optional<DataUnitCipher> cipher(String uniqueId, EncryptionType type) {
        Entry e = uniqueId == null ? null : cache.getIfPresent(uniqueId);
        if (e != null && e.dataKey != null && e.dataKey.type() == type) {
            return Optional.of(e.dataKey.cipher());
        }
        return fallback.cipher(uniqueId, type);
    }

    @Override
    public Optional<SignatureVerifier> verifier(String uniqueId) {
        Entry e = uniqueId == null ? null : cache.getIfPresent(uniqueId);
        if (e != null && e.verifier != null) {
            return Optional.of(e.verifier);
        }
        return fallback.verifier(uniqueId);
    }
}
