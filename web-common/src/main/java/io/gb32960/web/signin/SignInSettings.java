package io.gb32960.web.signin;

import java.time.Duration;

/**
 * What the admin backend and the OTA service must agree on for one sign-in to serve both: each
 * service's security properties implement it, and the shared configurations read it.
 */
public interface SignInSettings {

    /** Redis key prefix of the web sessions ({@code gb32960:web-session}). */
    String sessionNamespace();

    /** Name of the session cookie. */
    String sessionCookie();

    /** Idle time after which a session ends. */
    Duration sessionTimeout();

    /** Limits on failed sign-ins; the counts are kept in Redis and so shared by the services. */
    SignInLimits signInThrottle();
}
