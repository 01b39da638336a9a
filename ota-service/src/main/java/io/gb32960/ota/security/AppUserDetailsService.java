package io.gb32960.ota.security;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/**
 * Sign-in from the admin backend's {@code app_user} / {@code app_user_role} (BCrypt hashes, enabled
 * flag). The principal is Spring's plain {@link User}, as in the admin backend, so sessions are
 * interchangeable.
 */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final NamedParameterJdbcTemplate jdbc;

    AppUserDetailsService(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        record Row(String name, String hash, boolean enabled) {
        }
        Row row = jdbc.query("SELECT username, password_hash, enabled FROM app_user WHERE username = :u",
                        Map.of("u", username), (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .stream().findFirst().orElseThrow(() -> new UsernameNotFoundException("no such user"));
        List<String> roles = jdbc.queryForList("""
                SELECT r.code FROM app_user_role ur JOIN app_role r ON r.id = ur.role_id
                JOIN app_user u ON u.id = ur.user_id WHERE u.username = :u""", Map.of("u", username), String.class);
        return User.withUsername(row.name()).password(row.hash()).disabled(!row.enabled())
                .authorities(roles.stream().map(r -> "ROLE_" + r).toArray(String[]::new)).build();
    }
}
