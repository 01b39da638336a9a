package io.gb32960.ota.security;

import io.gb32960.web.signin.SignInLimits;
import io.gb32960.web.signin.SignInSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Sign-in and sessions ({@code gb32960.ota.security.*}). The session namespace and cookie must be
 * the admin backend's ({@code gb32960.admin.security.session-namespace/-cookie}): then one sign-in
 * serves both services.
 *
 * @param sessionNamespace Redis key prefix of the web sessions
 * @param sessionCookie    name of the session cookie
 * @param sessionTimeout   idle time after which a session ends
 * @param signInThrottle   limits on failed sign-ins; the counts are shared with the admin backend's
 */
@ConfigurationProperties("gb32960.ota.security")
@Validated
public record OtaSecurityProperties(@DefaultValue("gb32960:web-session") @NotBlank String sessionNamespace,
                                    @DefaultValue("SESSION") @NotBlank String sessionCookie,
                                    @DefaultValue("30m") Duration sessionTimeout,
                                    @DefaultValue @Valid SignInLimits signInThrottle)
        implements SignInSettings {
}
