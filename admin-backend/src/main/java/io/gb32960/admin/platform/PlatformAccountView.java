package io.gb32960.admin.platform;

import java.time.Instant;

/** A platform account as listed: never its secret (only the PBKDF2 hash is stored). */
public record PlatformAccountView(long id, String account, String name, boolean enabled, int iterations,
                                  Instant createdAt, Instant updatedAt) {
}
