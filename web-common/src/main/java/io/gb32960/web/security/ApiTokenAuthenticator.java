package io.gb32960.web.security;

import java.util.Optional;

/** Looks up the admin backend's API tokens ({@code api_token}); each service decides which roles a token may act as. */
@FunctionalInterface
public interface ApiTokenAuthenticator {

    /** The client of a valid token; empty for an unknown, expired or revoked one. */
    Optional<ApiClient> authenticate(String token);
}
