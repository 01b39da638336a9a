package io.gb32960.access.login;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.gb32960.platform.common.registry.PlatformAccount;
import io.gb32960.platform.common.registry.VehicleRegistry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Platform accounts read from Redis, kept for a moment: the thousands of terminals of one account
 * that log in at once (a fleet powering up) need one read, not one each. A disabled or changed
 * account takes effect within {@code ttl}.
 */
final class AccountCache {

    private final VehicleRegistry registry;
    private final Cache<String, CompletableFuture<Optional<PlatformAccount>>> accounts;

    AccountCache(VehicleRegistry registry, Duration ttl) {
        this.registry = registry;
        this.accounts = CacheBuilder.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    CompletionStage<Optional<PlatformAccount>> account(String account) {
        CompletableFuture<Optional<PlatformAccount>> cached = accounts.getIfPresent(account);
        if (cached != null && !cached.isCompletedExceptionally()) {
            return cached;
        }
        CompletableFuture<Optional<PlatformAccount>> read = registry.account(account).toCompletableFuture();
        accounts.put(account, read);
        read.whenComplete((a, error) -> {
            if (error != null) {
                accounts.asMap().remove(account, read); // a Redis error is not remembered
            }
        });
        return read;
    }
}
