package io.gb32960.access.login;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.gb32960.platform.common.security.HashedSecret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;

/**
 * Remembers, for a while, which presented password matched an account's stored secret, so the
 * thousands of terminals of one platform account logging in at once cost one PBKDF2 derivation,
 * not one each. What is kept is a SHA-256 of the password under a random per-process pepper, and
 * only together with the stored hash it matched: a changed secret in Redis invalidates it.
 */
public final class VerifiedSecrets {

    private record Entry(byte[] storedHash, byte[] presented) {
    }

    private final byte[] pepper = new byte[32];
    private final Cache<String, Entry> verified;

    public VerifiedSecrets(Duration ttl, long maxAccounts) {
        new SecureRandom().nextBytes(pepper);
        verified = CacheBuilder.newBuilder().expireAfterWrite(ttl).maximumSize(maxAccounts).build();
    }

    /** Whether {@code password} is known to match {@code secret} of {@code account} (no derivation). */
    public boolean known(String account, HashedSecret secret, String password) {
        Entry e = verified.getIfPresent(account);
        return e != null && MessageDigest.isEqual(e.storedHash(), secret.hash())
                && MessageDigest.isEqual(e.presented(), digest(password));
    }

    /** Records that {@code password} matched {@code secret} of {@code account}. */
    public void remember(String account, HashedSecret secret, String password) {
        verified.put(account, new Entry(Arrays.copyOf(secret.hash(), secret.hash().length), digest(password)));
    }

    public void forget(String account) {
        verified.invalidate(account);
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(pepper);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
