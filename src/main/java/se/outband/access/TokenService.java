package se.outband.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import se.outband.common.Refused;
import se.outband.common.Sha256;

/**
 * API tokens: 256 random bits, so a fast SHA-256 is a safe way to store them (unlike passwords,
 * which need bcrypt), and checking one on every request costs nothing.
 */
@ApplicationScoped
public class TokenService {

    /** A token as listed: never the secret itself. */
    public record TokenView(long id, String name, Set<String> roles, Instant createdAt, String createdBy, Instant revokedAt) {
        static TokenView of(ApiToken token) {
            return new TokenView(token.id, token.name, token.roleSet(), token.createdAt, token.createdBy, token.revokedAt);
        }
    }

    /** The answer to creating a token: the only time the secret is shown. */
    public record CreatedToken(long id, String name, Set<String> roles, Instant createdAt, String createdBy, String token) {
    }

    static final int MAX_NAME = 100;
    private static final String PREFIX = "ob_";

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final AuditLog audit;

    TokenService(Clock clock, AuditLog audit) {
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public CreatedToken create(String name, Set<String> roles, String createdBy) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            throw new Refused(new AccessRefusal.TokenNameMissing());
        }
        String roleList = UserService.roleList(roles);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);

        ApiToken entity = new ApiToken();
        entity.name = cleanName;
        entity.tokenHash = Sha256.hex(token);
        entity.roles = roleList;
        entity.createdAt = clock.instant();
        entity.createdBy = createdBy;
        entity.persist();
        audit.record("token.created", "id=%d name=%s roles=%s".formatted(entity.id, cleanName, roleList));
        return new CreatedToken(entity.id, entity.name, entity.roleSet(), entity.createdAt, createdBy, token);
    }

    @Transactional
    public List<TokenView> list() {
        return ApiToken.<ApiToken>findAll(Sort.by("id")).stream().map(TokenView::of).toList();
    }

    @Transactional
    public void revoke(long id) {
        ApiToken token = ApiToken.findById(id);
        if (token == null) {
            throw new Refused(new AccessRefusal.TokenNotFound(id));
        }
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
            audit.record("token.revoked", "id=%d name=%s".formatted(token.id, token.name));
        }
    }

    /** The token's name and roles when it is known and not revoked. */
    @Transactional
    public Optional<TokenView> verify(String token) {
        ApiToken found = ApiToken.find("tokenHash", Sha256.hex(token)).firstResult();
        return found == null || found.revokedAt != null ? Optional.empty() : Optional.of(TokenView.of(found));
    }
}
