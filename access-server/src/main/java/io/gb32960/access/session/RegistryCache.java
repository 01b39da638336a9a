package io.gb32960.access.session;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Registered vehicles cached on the node (Guava), so frames that a platform forwards for many
 * VINs, and repeated logins, need no Redis round trip. Misses load asynchronously from Redis;
 * unknown VINs are cached too (briefly), so a flood of unregistered VINs cannot hammer Redis.
 */
public final class RegistryCache {

    private final VehicleRegistry registry;
    private final Cache<String, Optional<RegisteredVehicle>> cache;

    public RegistryCache(VehicleRegistry registry, Duration ttl, long maxEntries) {
        this.registry = registry;
        this.cache = CacheBuilder.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    public CompletionStage<Optional<RegisteredVehicle>> vehicle(String vin) {
        Optional<RegisteredVehicle> hit = cache.getIfPresent(vin);
        if (hit != null) {
            return CompletableFuture.completedFuture(hit);
        }
        return registry.vehicle(vin).thenApply(v -> {
            cache.put(vin, v);
            return v;
        });
    }

    /** The cached entry, if any, without going to Redis. */
    public Optional<RegisteredVehicle> cached(String vin) {
        Optional<RegisteredVehicle> hit = cache.getIfPresent(vin);
        return hit == null ? Optional.empty() : hit;
    }

    /** Caches what a login read from the registry. */
    public void remember(String vin, Optional<RegisteredVehicle> vehicle) {
        cache.put(vin, vehicle);
    }

    public void invalidate(String vin) {
        cache.invalidate(vin);
    }
}
