package io.gb32960.web.signin;

import jakarta.servlet.http.HttpSession;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Ends the web sessions of a user whose password, roles or enabled state changed, in every service
 * sharing the sessions (the admin backend and the OTA service), without an index of sessions by user.
 *
 * <p>Each user name has a session generation in Redis, {@code NAMESPACE:user-generation:NAME} (the
 * session namespace, the user name lower-cased; a plain integer, absent = 0). A sign-in stores the
 * generation it read before the password was checked in its session, attribute
 * {@value #GENERATION_ATTRIBUTE} (a {@code java.lang.Long}); a change that must end the user's
 * sessions increments the generation; a request whose session holds a lower generation than the
 * current one (or none, once the generation is above 0) finds its session invalidated and goes on
 * unauthenticated ({@link SessionGenerationFilter}). One Redis GET per signed-in request.
 */
public class UserSessions {

    /** The session attribute holding the generation the session was signed in with. */
    public static final String GENERATION_ATTRIBUTE = "GB32960_SESSION_GENERATION";
    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    private final RedissonClient redis;
    private final String prefix;

    /** @param sessionNamespace the Redis key prefix of the shared web sessions ({@code gb32960:web-session}) */
    public UserSessions(RedissonClient redis, String sessionNamespace) {
        this.redis = redis;
        this.prefix = sessionNamespace + ":user-generation:";
    }

    /** The user's current session generation (0 when none was ever ended). */
    public long generation(String username) {
        return counter(username).get();
    }

    /**
     * Ends every session of these users but the current request's own (a user changing their own
     * password stays signed in where they did it): now (when Redis cannot be reached this fails, and
     * the caller's transaction rolls back) and once more after the caller's transaction committed (a
     * sign-in with the old password while the change was being saved gets a generation already stale).
     */
    public void endSessions(Collection<String> usernames) {
        List<String> names = usernames.stream().map(UserSessions::key).distinct().toList();
        names.forEach(u -> counter(u).incrementAndGet());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            keepCurrent(names);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    names.forEach(u -> counter(u).incrementAndGet());
                    keepCurrent(names);
                } catch (RuntimeException e) {
                    log.warn("could not end the sessions of {} once more after the change: {}", names, e.toString());
                }
            }
        });
    }

    /** Ends this user's sessions (but the current request's own). */
    public void endSessions(String username) {
        endSessions(List.of(username));
    }

    private void keepCurrent(List<String> names) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !names.contains(key(auth.getName()))
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return;
        }
        HttpSession session = request.getRequest().getSession(false);
        if (session != null) {
            session.setAttribute(GENERATION_ATTRIBUTE, generation(auth.getName()));
        }
    }

    /** Whether a session signed in with {@code sessionGeneration} (null: none recorded) is still valid. */
    public boolean valid(String username, Object sessionGeneration) {
        long current = generation(username);
        return sessionGeneration instanceof Long g ? g >= current : current == 0;
    }

    private RAtomicLong counter(String username) {
        return redis.getAtomicLong(prefix + key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
