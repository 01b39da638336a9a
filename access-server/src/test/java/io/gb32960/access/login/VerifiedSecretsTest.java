package io.gb32960.access.login;

import io.gb32960.platform.common.security.HashedSecret;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedSecretsTest {

    private final HashedSecret secret = HashedSecret.of("fleet-password", 20_000, new SecureRandom());

    @Test
    void aBurstOfOneAccountsLoginsDerivesOnceAndLaterLoginsNotAtAll() {
        VerifiedSecrets verified = new VerifiedSecrets(Duration.ofMinutes(10), 100);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger derivations = new AtomicInteger();
        try {
            List<CompletableFuture<Boolean>> burst = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                burst.add(verified.matches("fleet", secret, "fleet-password", r -> {
                    derivations.incrementAndGet();
                    pool.execute(r);
                }));
            }
            assertThat(burst).allSatisfy(f -> assertThat(f.join()).isTrue());
            assertThat(derivations.get()).isEqualTo(1);
            assertThat(verified.matches("fleet", secret, "fleet-password", r -> {
                derivations.incrementAndGet();
                pool.execute(r);
            }).join()).isTrue();
            assertThat(derivations.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndAChangedSecretIsDerivedAgain() {
        VerifiedSecrets verified = new VerifiedSecrets(Duration.ofMinutes(10), 100);
        assertThat(verified.matches("fleet", secret, "guess", Runnable::run).join()).isFalse();
        assertThat(verified.known("fleet", secret, "guess")).isFalse();
        assertThat(verified.matches("fleet", secret, "fleet-password", Runnable::run).join()).isTrue();
        HashedSecret changed = HashedSecret.of("fleet-password", 20_000, new SecureRandom());
        assertThat(verified.known("fleet", changed, "fleet-password")).isFalse();
    }
}
