package io.gb32960.web.security;

import org.springframework.security.core.GrantedAuthority;

/**
 * The client an API token belongs to, for one request.
 *
 * @param name      the principal's name, {@code token:NAME} (what the audit log shows)
 * @param authority the token's role
 */
public record ApiClient(String name, GrantedAuthority authority) {
}
