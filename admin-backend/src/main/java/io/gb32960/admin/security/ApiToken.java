package io.gb32960.admin.security;

import java.time.Instant;

/** An API client's token as listed (never the token itself: only its hash is stored). */
public record ApiToken(long id, String name, String prefix, Role role, String createdBy, Instant createdAt,
                       Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
