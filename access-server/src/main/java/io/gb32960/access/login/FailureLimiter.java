package io.gb32960.access.login;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts failed logins per key (a source address, an account) within a window that restarts with
 * the key's first failure; a key with {@code maxFailures} failures is refused until it expires.
 */
public final class FailureLimiter {

    private final Cache<String, AtomicInteger> failures;
    private final int maxFailures;

    public FailureLimiter(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.failures = CacheBuilder.newBuilder().expireAfterWrite(window).maximumSize(1_000_000).build();
    }

    public boolean blocked(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n != null && n.get() >= maxFailures;
    }

    public void failed(String key) {
        try {
            failures.get(key, AtomicInteger::new).incrementAndGet();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public void succeeded(String key) {
        failures.invalidate(key);
    }
}
