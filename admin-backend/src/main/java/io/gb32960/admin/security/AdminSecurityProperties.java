package io.gb32960.admin.security;

import io.gb32960.web.signin.SignInLimits;
import io.gb32960.web.signin.SignInSettings;
import jakarta.validation.Valid;
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
                                      @DefaultValue @Valid SignInLimits signInThrottle)
        implements SignInSettings {
}
