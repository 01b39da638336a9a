package io.gb32960.platform.common.registry;

import io.gb32960.platform.common.security.HashedSecret;

import java.util.Objects;

/** An upstream platform allowed to log in with 0x05 and forward frames of registered vehicles. */
public record PlatformAccount(String account, HashedSecret secret, boolean enabled) {

    public PlatformAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(secret, "secret");
    }
}
