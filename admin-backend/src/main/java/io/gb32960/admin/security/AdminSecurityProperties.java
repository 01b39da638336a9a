package io.gb32960.admin.security;

import io.gb32960.web.signin.SignInThrottle;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Sign-in and sessions ({@code gb32960.admin.security.*}).
 *
 * @param bootstrapUsername the administrator created on the first start (when no ADMIN exists)
 * @param bootstrapPassword its password; empty: a random one, printed once in the log
 * @param sessionNamespace  Redis key prefix of the web sessions; the OTA service uses the same, so
 *                          one sign-in serves both
 * @param sessionCookie     name of the session cookie (the same in the OTA service)
 * @param sessionTimeout    idle time after which a session ends
 * @param tokenCacheTtl     how long an API token lookup is cached (a revoked token stops working after this)
 * @param signInThrottle    limits on failed sign-ins (brute force)
 */
@ConfigurationProperties("gb32960.admin.security")
@Validated
public record AdminSecurityProperties(@DefaultValue("admin") @NotBlank String bootstrapUsername,
                                      @DefaultValue("") String bootstrapPassword,
                                      @DefaultValue("gb32960:web-session") @NotBlank String sessionNamespace,
                                      @DefaultValue("SESSION") @NotBlank String sessionCookie,
                                      @DefaultValue("30m") Duration sessionTimeout,
                                      @DefaultValue("10s") Duration tokenCacheTtl,
                                      @DefaultValue @Valid Throttle signInThrottle) {

    /**
     * Failed sign-ins counted in Redis (so the limits hold across instances), per user name and per
     * remote address. A count lives {@code lockout} after its last failure; at the limit, sign-ins
     * for that name or from that address are refused, even with the right password, until then.
     *
     * @param maxFailuresPerUser    failures of one user name
     * @param maxFailuresPerAddress failures from one remote address (any user names)
     * @param lockout               how long a count, and so a lock, lasts after the last failure
     */
    public record Throttle(@DefaultValue("5") @Min(1) int maxFailuresPerUser,
                           @DefaultValue("20") @Min(1) int maxFailuresPerAddress,
                           @DefaultValue("15m") Duration lockout) {

        public SignInThrottle.Limits limits() {
            return new SignInThrottle.Limits(maxFailuresPerUser, maxFailuresPerAddress, lockout);
        }
    }
}
