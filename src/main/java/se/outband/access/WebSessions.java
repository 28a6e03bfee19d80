package se.outband.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import se.outband.common.ScheduledJob;
import se.outband.common.Sha256;

/**
 * The web UI's sessions, kept on the server: a cookie is only a random id, so ending a session (sign
 * out, new password or roles, second factor reset, user removed) takes effect on the very next request.
 */
@ApplicationScoped
public class WebSessions {

    /** The session cookie's name. */
    public static final String COOKIE = "outband-session";
    /** Time to type the code after the password. */
    static final Duration SECOND_FACTOR_WINDOW = Duration.ofMinutes(10);
    /** Writing the last request's time at most this often keeps every page view from being a database write. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** Who a session belongs to; {@code mustEnrol} when their role requires a second factor they do not have yet. */
    public record SessionUser(long userId, String username, Set<String> roles, boolean mustEnrol) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final AccessConfig config;
    private final AuditLog audit;

    WebSessions(Clock clock, AccessConfig config, AuditLog audit) {
        this.clock = clock;
        this.config = config;
        this.audit = audit;
    }

    /** After the right password: a session, waiting for the code when the user has a second factor. */
    @Transactional
    public String start(PasswordLogin.Accepted signedIn, String address) {
        return open(signedIn.userId(), signedIn.secondFactor() ? WebSession.State.SECOND_FACTOR : WebSession.State.ACTIVE, address);
    }

    /** Starts a session and returns the cookie value; only its hash is stored. */
    private String open(long userId, WebSession.State state, String address) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        WebSession session = new WebSession();
        session.idHash = Sha256.hex(token);
        session.userId = userId;
        session.state = state;
        session.createdAt = now;
        session.lastSeenAt = now;
        session.persist();
        if (state == WebSession.State.ACTIVE) {
            // Who was signed in from where, beside the failed tries: a stolen password shows as a sign-in from elsewhere.
            audit.record(User.<User>findById(userId).username, "login.succeeded", "web, from " + address);
        }
        return token;
    }

    /** The signed-in user behind a cookie, if the session is active and not idle too long. */
    @Transactional
    public Optional<SessionUser> active(String token) {
        WebSession session = find(token, WebSession.State.ACTIVE, config.sessionTimeout());
        if (session == null) {
            return Optional.empty();
        }
        if (session.lastSeenAt.plus(TOUCH_EVERY).isBefore(clock.instant())) {
            session.lastSeenAt = clock.instant();
        }
        User user = User.findById(session.userId);
        return Optional.of(new SessionUser(user.id, user.username, user.roleSet(), user.mustEnrol(config)));
    }

    /** The user whose password was right and whose code is awaited. */
    @Transactional
    public Optional<Long> awaitingCode(String token) {
        WebSession session = find(token, WebSession.State.SECOND_FACTOR, SECOND_FACTOR_WINDOW);
        return session == null ? Optional.empty() : Optional.of(session.userId);
    }

    /**
     * The code was right: the half-open session is replaced by a full one with a new id. Empty when the
     * half-open session is gone, ended or finished by another request meanwhile: deleting it is what
     * finishes it, and only the request whose delete took it opens a session.
     */
    @Transactional
    public Optional<String> complete(String token, long userId, String address) {
        if (token == null || WebSession.delete("idHash = ?1 and userId = ?2 and state = ?3", Sha256.hex(token), userId,
                WebSession.State.SECOND_FACTOR) == 0) {
            return Optional.empty();
        }
        return Optional.of(open(userId, WebSession.State.ACTIVE, address));
    }

    @Transactional
    public void close(String token) {
        if (token != null) {
            // By a statement, not by loading and removing: two requests ending the same session at once both succeed.
            WebSession.delete("idHash", Sha256.hex(token));
        }
    }

    /** Ends every session of a user, inside the caller's transaction (with the change that causes it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endAll(long userId) {
        WebSession.delete("userId", userId);
    }

    /** Ends every session of a user but the one making the change ({@code keep}, a cookie value), inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void endAllBut(long userId, String keep) {
        WebSession.delete("userId = ?1 and idHash <> ?2", userId, keep == null ? "" : Sha256.hex(keep));
    }

    @ScheduledJob
    @Scheduled(every = "1h", identity = "web-sessions-expire")
    @Transactional
    void expire() {
        Instant now = clock.instant();
        WebSession.delete("state = ?1 and lastSeenAt < ?2", WebSession.State.ACTIVE, now.minus(config.sessionTimeout()));
        WebSession.delete("state = ?1 and lastSeenAt < ?2", WebSession.State.SECOND_FACTOR, now.minus(SECOND_FACTOR_WINDOW));
    }

    private WebSession find(String token, WebSession.State state, Duration timeout) {
        if (token == null || token.length() > 100) {
            return null;
        }
        WebSession session = WebSession.findById(Sha256.hex(token));
        if (session == null || session.state != state) {
            return null;
        }
        if (session.lastSeenAt.plus(timeout).isBefore(clock.instant())) {
            WebSession.delete("idHash", session.idHash);
            return null;
        }
        return session;
    }
}
