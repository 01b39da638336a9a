package io.gb32960.web.signin;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits on failed sign-ins (brute force), counted per user name and per remote address. A count
 * lives {@code lockout} after its last failure; at the limit, sign-ins for that name or from that
 * address are refused, even with the right password, until then.
 *
 * @param maxFailuresPerUser    failures of one user name
 * @param maxFailuresPerAddress failures from one remote address (any user names)
 * @param lockout               how long a count, and so a lock, lasts after the last failure
 */
public record SignInLimits(@DefaultValue("5") @Min(1) int maxFailuresPerUser,
                           @DefaultValue("20") @Min(1) int maxFailuresPerAddress,
                           @DefaultValue("15m") Duration lockout) {
}
