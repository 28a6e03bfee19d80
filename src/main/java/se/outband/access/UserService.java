package se.outband.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;
import se.outband.common.PhoneNumbers;
import se.outband.common.Refused;

/** Outband's own accounts and their roles. */
@ApplicationScoped
public class UserService {

    /** A user as listed: never the password hash or the second factor's secret. */
    public record UserView(String username, Set<String> roles, boolean secondFactor, Instant createdAt, String mobile) {
    }

    /** A user who may give SMS commands: a sender or an admin, known by the mobile a message came from. */
    public record Leader(String username, String mobile) {
    }

    static final int MIN_PASSWORD = 12;
    /** Long enough for any passphrase; longer ones only make bcrypt slow. */
    static final int MAX_PASSWORD = 200;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");

    private final Clock clock;
    private final AuditLog audit;
    private final WebSessions sessions;
    private final PhoneNumbers phones;
    private final Event<LeaderWithdrawn> withdrawn;
    private final int hashCost;

    UserService(Clock clock, AuditLog audit, WebSessions sessions, PhoneNumbers phones, AccessConfig config,
            Event<LeaderWithdrawn> withdrawn) {
        this.withdrawn = withdrawn;
        this.hashCost = config.passwordHashCost();
        this.clock = clock;
        this.audit = audit;
        this.sessions = sessions;
        this.phones = phones;
    }

    /**
     * The sender or admin whose mobile this is (E.164), if any. Called in a transaction, the user's row
     * stays locked until it ends, so one leader's SMS commands are decided one after another on every
     * instance (a count of requests has no row of its own to update), and a change to the user waits
     * for a command under way, or the command for the change.
     */
    @Transactional
    public Optional<Leader> leaderByMobile(String e164) {
        User user = User.<User>find("mobile", e164).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        return user != null && (user.roleSet().contains(Roles.SENDER) || user.roleSet().contains(Roles.ADMIN))
                ? Optional.of(new Leader(user.username, user.mobile)) : Optional.empty();
    }

    @Transactional
    public List<UserView> list() {
        return User.<User>findAll(Sort.by("username")).stream().map(UserService::view).toList();
    }

    @Transactional
    public boolean anyUser() {
        return User.count() > 0;
    }

    @Transactional
    public UserView create(String username, String password, Collection<String> roles, String mobile) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new Refused(new AccessRefusal.UsernameInvalid());
        }
        if (User.findByUsername(name) != null) {
            throw new Refused(new AccessRefusal.UserExists(name));
        }
        User user = new User();
        user.username = name;
        user.passwordHash = hashed(password);
        user.roles = roleList(roles);
        user.mobile = mobile(mobile, null);
        user.createdAt = clock.instant();
        user.persist();
        audit.record("user.created", "username=%s roles=%s mobile=%s".formatted(name, user.roles, user.mobile));
        return view(user);
    }

    /**
     * Changes the password, the roles and/or the mobile ({@code ""} removes it); a new password or new
     * roles end the user's sessions, so they sign in again. A new mobile, or a lost sender or admin role,
     * ends what they started by SMS.
     */
    @Transactional
    public UserView update(String username, String password, Collection<String> roles, String mobile) {
        User user = find(username);
        boolean withdraw = false;
        if (mobile != null) {
            String newMobile = mobile(mobile, user);
            if (!Objects.equals(newMobile, user.mobile)) {
                user.mobile = newMobile;
                withdraw = true;
                audit.record("user.mobile-changed", "username=%s mobile=%s".formatted(user.username, newMobile));
            }
        }
        if (roles != null) {
            String newRoles = roleList(roles);
            Set<String> kept = Roles.split(newRoles);
            if (user.roleSet().contains(Roles.ADMIN) && !kept.contains(Roles.ADMIN)) {
                requireAnotherAdmin(user);
            }
            withdraw |= user.roleSet().stream().anyMatch(r -> (r.equals(Roles.SENDER) || r.equals(Roles.ADMIN)) && !kept.contains(r));
            user.roles = newRoles;
            audit.record("user.roles-changed", "username=%s roles=%s".formatted(user.username, newRoles));
        }
        if (withdraw) {
            withdrawn.fire(new LeaderWithdrawn(user.username));
        }
        if (password != null) {
            user.passwordHash = hashed(password);
            audit.record("user.password-changed", "username=" + user.username);
        }
        if (roles != null || password != null) {
            sessions.endAll(user.id);
        }
        return view(user);
    }

    @Transactional
    public void delete(String username) {
        User user = find(username);
        if (user.roleSet().contains(Roles.ADMIN)) {
            requireAnotherAdmin(user);
        }
        sessions.endAll(user.id);
        withdrawn.fire(new LeaderWithdrawn(user.username));
        user.delete();
        audit.record("user.deleted", "username=" + user.username);
    }

    static String roleList(Collection<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new Refused(new AccessRefusal.RolesMissing());
        }
        Set<String> clean = new TreeSet<>();
        for (String role : roles) {
            String r = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
            if (!Roles.ALL.contains(r)) {
                throw new Refused(new AccessRefusal.RoleUnknown(role));
            }
            clean.add(r);
        }
        return String.join(",", clean);
    }

    private String hashed(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new Refused(new AccessRefusal.PasswordTooShort(MIN_PASSWORD));
        }
        if (password.length() > MAX_PASSWORD) {
            throw new Refused(new AccessRefusal.PasswordTooLong(MAX_PASSWORD));
        }
        return BcryptUtil.bcryptHash(password, hashCost);
    }

    /** Normalised like a contact's; a number that cannot get SMS, or another user's, is refused. */
    private String mobile(String text, User owner) {
        if (text == null || text.isBlank()) {
            return null;
        }
        PhoneNumbers.Parsed parsed = phones.parse(text);
        if (!parsed.valid() || !parsed.reachableBySms()) {
            throw new Refused(new AccessRefusal.MobileInvalid(text));
        }
        User other = User.find("mobile", parsed.e164()).firstResult();
        if (other != null && (owner == null || !other.id.equals(owner.id))) {
            throw new Refused(new AccessRefusal.MobileTaken(phones.display(parsed.e164())));
        }
        return parsed.e164();
    }

    private static void requireAnotherAdmin(User user) {
        boolean another = User.<User>streamAll()
                .anyMatch(other -> !other.id.equals(user.id) && other.roleSet().contains(Roles.ADMIN));
        if (!another) {
            throw new Refused(new AccessRefusal.LastAdmin());
        }
    }

    private static User find(String username) {
        User user = User.findByUsername(username);
        if (user == null) {
            throw new Refused(new AccessRefusal.UserNotFound(username));
        }
        return user;
    }

    private static UserView view(User user) {
        return new UserView(user.username, user.roleSet(), user.hasSecondFactor(), user.createdAt, user.mobile);
    }
}
