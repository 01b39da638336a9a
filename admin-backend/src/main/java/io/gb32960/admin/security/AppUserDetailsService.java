package io.gb32960.admin.security;

import io.gb32960.admin.user.UserRepository;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Sign-in from {@code app_user}: BCrypt hash, enabled flag, roles. The principal is Spring's plain
 * {@link User}, so the session in Redis can be read by the OTA service.
 */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    AppUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserRepository.Credentials c = users.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(c.username()).password(c.passwordHash()).disabled(!c.enabled())
                .authorities(c.roles().stream().map(Role::authority).toArray(String[]::new)).build();
    }
}
