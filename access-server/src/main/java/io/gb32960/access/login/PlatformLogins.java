package io.gb32960.access.login;

import io.gb32960.platform.common.registry.VehicleRegistry;

import io.gb32960.platform.common.security.HashedSecret;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Checks platform logins (0x05) against the accounts in Redis. Password hashes are checked on a
 * small dedicated executor (PBKDF2 is slow on purpose), once per account and password for a while
 * ({@link VerifiedSecrets}); failures are limited per source address and per account against brute force.
 */
public final class PlatformLogins {

    private final VehicleRegistry registry;
    private final Executor hashExecutor;
    private final FailureLimiter byAddress;
    private final FailureLimiter byAccount;
    private final VerifiedSecrets verified;

    public PlatformLogins(VehicleRegistry registry, Executor hashExecutor, FailureLimiter byAddress,
                          FailureLimiter byAccount, VerifiedSecrets verified) {
        this.verified = verified;
        this.registry = registry;
        this.hashExecutor = hashExecutor;
        this.byAddress = byAddress;
        this.byAccount = byAccount;
    }

    public boolean blocked(String address, String account) {
        return byAddress.blocked(address) || byAccount.blocked(account);
    }

    /** Whether the account exists, is enabled and {@code password} is its secret; records the outcome. */
    public CompletionStage<Boolean> verify(String address, String account, String password) {
        return registry.account(account).thenCompose(a -> {
                    if (a.isEmpty() || !a.get().enabled()) {
                        return CompletableFuture.completedFuture(false);
                    }
                    HashedSecret secret = a.get().secret();
                    if (verified.known(account, secret, password)) {
                        return CompletableFuture.completedFuture(true);
                    }
                    return CompletableFuture.supplyAsync(() -> {
                        boolean matches = secret.matches(password);
                        if (matches) {
                            verified.remember(account, secret, password);
                        }
                        return matches;
                    }, hashExecutor);
                })
                .thenApply(ok -> {
                    if (ok) {
                        byAddress.succeeded(address);
                        byAccount.succeeded(account);
                    } else {
                        byAddress.failed(address);
                        byAccount.failed(account);
                    }
                    return ok;
                });
    }
}
