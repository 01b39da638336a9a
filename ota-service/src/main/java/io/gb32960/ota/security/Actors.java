package io.gb32960.ota.security;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The current {@link Actor}. The session the admin backend writes holds Spring's plain {@code User}
 * (name and roles only), so a supplier user's supplier is looked up in {@code app_user} (cached for
 * a few seconds).
 */
@Component
public class Actors {

    private final NamedParameterJdbcTemplate jdbc;
    private final Cache<String, Optional<Long>> suppliers = CacheBuilder.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(10)).build();

    Actors(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new InsufficientAuthenticationException("not signed in");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : auth.getAuthorities()) {
            for (Role r : Role.values()) {
                if (r.authority().equals(a.getAuthority())) {
                    roles.add(r);
                }
            }
        }
        Long supplier = roles.contains(Role.SUPPLIER) ? supplierOf(auth.getName()) : null;
        return new Actor(auth.getName(), roles, supplier);
    }

    private Long supplierOf(String username) {
        Optional<Long> cached = suppliers.getIfPresent(username);
        if (cached == null) {
            cached = jdbc.query("SELECT supplier_id FROM app_user WHERE username = :u", Map.of("u", username),
                    (rs, i) -> {
                        long v = rs.getLong(1);
                        return rs.wasNull() ? null : v;
                    }).stream().filter(java.util.Objects::nonNull).findFirst();
            suppliers.put(username, cached);
        }
        return cached.orElse(null);
    }
}
