package se.outband.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import se.outband.common.Database;
import se.outband.common.InstanceName;
import se.outband.messaging.providers.sms.SmsSegments;

/** Taking due deliveries for sending: each leased to this instance, never to two at once. */
@ApplicationScoped
class Claims {

    /** A delivery taken for sending, with what the sender needs to send it. */
    record Claimed(long deliveryId, Channel channel, String address, String message, int smsSegments, String unsubscribeUrl) {
    }

    /**
     * Leases the given rows still queued. The ids come as one array: an IN list of a claim's hundreds of ids made
     * Hibernate and the database parse a statement of another length for every claim.
     */
    private static final String LEASE = "set state = ?, attempts = attempts + 1, updated_at = ?, leased_by = ?, lease_until = ?"
            + " where id = any(?) and state = ?";

    private final Clock clock;
    private final Database database;
    private final MessageTexts texts;
    /** Who holds a lease: this process, until it stops. */
    private final String instance;
    private final Duration lease;

    Claims(Clock clock, Database database, MessageTexts texts, InstanceName instance, OutboxConfig config) {
        this.clock = clock;
        this.database = database;
        this.texts = texts;
        this.instance = instance.toString();
        this.lease = config.lease();
    }

    /**
     * Leases up to {@code limit} due deliveries of a channel to this instance, oldest first, and returns
     * them. On a shared database rows another instance is claiming at the same moment are skipped (their
     * row locks), so no two instances ever take the same row. The embedded database has no other instance:
     * there the lease's own condition (still queued) decides, and only what this very statement leased is
     * returned (H2's FINAL TABLE). H2 locks a row by writing it, which doubled what a claim wrote.
     */
    @Transactional
    public List<Claimed> claim(Channel channel, int limit) {
        Instant now = clock.instant();
        EntityManager em = Delivery.getEntityManager();
        boolean shared = !database.embedded();
        List<Long> due = ids(em.createNativeQuery("select id from delivery where state = ?1 and channel = ?2"
                + " and next_attempt_at <= ?3"
                // State and channel are fixed, but H2 reads the index in order only when they are named.
                + " order by state, channel, next_attempt_at, id limit ?4" + (shared ? " for update skip locked" : ""))
                .setParameter(1, DeliveryState.QUEUED.name())
                .setParameter(2, channel.name())
                .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(4, limit));
        if (due.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Long> leased = shared ? leaseLocked(connection, due, now) : leaseStillQueued(connection, due, now);
            return leased.isEmpty() ? List.<Claimed>of() : read(connection, leased);
        });
    }

    /** Leases rows this transaction holds locked: all of them, or none. */
    private List<Long> leaseLocked(Connection connection, List<Long> due, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update delivery " + LEASE)) {
            bindLease(update, connection, due, now);
            int leased = update.executeUpdate();
            if (leased != due.size()) {
                // The rows are locked by this transaction: anything else is a database not keeping its locks.
                throw new IllegalStateException("Leased " + leased + " of " + due.size() + " locked deliveries; none is sent");
            }
        }
        return due;
    }

    /** Leases those of the rows still queued, unlocked (the embedded database): exactly the ones this statement took. */
    private List<Long> leaseStillQueued(Connection connection, List<Long> due, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("select id from final table (update delivery " + LEASE + ")")) {
            bindLease(update, connection, due, now);
            return ids(update);
        }
    }

    private void bindLease(PreparedStatement update, Connection connection, List<Long> due, Instant now) throws SQLException {
        update.setString(1, DeliveryState.SENDING.name());
        update.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        update.setString(3, instance);
        update.setObject(4, OffsetDateTime.ofInstant(now.plus(lease), ZoneOffset.UTC));
        update.setArray(5, connection.createArrayOf("bigint", due.toArray()));
        update.setString(6, DeliveryState.QUEUED.name());
    }

    /** What the senders need of the leased rows, oldest first. */
    private List<Claimed> read(Connection connection, List<Long> leased) throws SQLException {
        List<Claimed> claimed = new ArrayList<>(leased.size());
        try (PreparedStatement select = connection.prepareStatement("select d.id, d.bulletin_id, d.channel, d.address, d.body, d.unsubscribe_url"
                + " from unnest(?) as leased(id) join delivery d on d.id = leased.id order by d.next_attempt_at, d.id")) {
            select.setArray(1, connection.createArrayOf("bigint", leased.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String own = rows.getString(5);
                    MessageTexts.Text text = own != null ? new MessageTexts.Text(own, SmsSegments.count(own).segments())
                            : texts.of(rows.getLong(2));
                    claimed.add(new Claimed(rows.getLong(1), Channel.valueOf(rows.getString(3)), rows.getString(4), text.body(),
                            text.smsSegments(), rows.getString(6)));
                }
            }
        }
        return claimed;
    }

    private static List<Long> ids(Query query) {
        return ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** The ids a statement that selects one id column returns (the outbox's JDBC statements over sets of ids). */
    static List<Long> ids(PreparedStatement select) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
