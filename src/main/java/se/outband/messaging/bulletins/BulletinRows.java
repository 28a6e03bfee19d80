package se.outband.messaging.bulletins;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import se.outband.messaging.outbox.Channel;

/**
 * A bulletin's recipients and first deliveries, stored with set-based statements, and the contacts
 * still to be stored. Each method runs in the caller's transaction (the data source hands out the
 * transaction's connection).
 *
 * <p>Ids come from the entities' sequences, one {@code nextval} per row. The sequences step by the
 * entities' allocation size, so these rows use every 500th number: never one Hibernate hands out.
 */
@ApplicationScoped
class BulletinRows {

    private static final String RECIPIENTS = "insert into recipient (id, bulletin_id, contact_id, name, mobile, email)"
            + " select nextval('recipient_seq'), ?, chosen.contact_id, chosen.name, chosen.mobile, chosen.email"
            + " from unnest(?, ?, ?, ?) as chosen(contact_id, name, mobile, email)";
    private static final String DELIVERIES = "insert into delivery (id, bulletin_id, recipient_id, channel, address, state,"
            + " attempts, next_attempt_at, created_at, updated_at)"
            + " select nextval('delivery_seq'), r.bulletin_id, r.id, ?, r.%1$s, 'QUEUED', 0, ?, ?, ?"
            + " from unnest(?) as planned(contact_id) join recipient r on r.bulletin_id = ? and r.contact_id = planned.contact_id";

    private final DataSource dataSource;

    BulletinRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the planned recipients and queues a delivery for each channel planned for them. */
    void store(long bulletinId, List<PlannedRecipient> plan, Instant now) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(RECIPIENTS)) {
                insert.setLong(1, bulletinId);
                insert.setArray(2, connection.createArrayOf("varchar", plan.stream().map(p -> p.contact().id()).toArray()));
                insert.setArray(3, connection.createArrayOf("varchar", plan.stream().map(p -> p.contact().name()).toArray()));
                insert.setArray(4, connection.createArrayOf("varchar", plan.stream().map(p -> p.contact().mobile()).toArray()));
                insert.setArray(5, connection.createArrayOf("varchar", plan.stream().map(p -> p.contact().email()).toArray()));
                insert.executeUpdate();
            }
            queue(connection, bulletinId, Channel.SMS, "mobile",
                    plan.stream().filter(PlannedRecipient::bySms).map(p -> p.contact().id()).toArray(), at);
            queue(connection, bulletinId, Channel.EMAIL, "email",
                    plan.stream().filter(PlannedRecipient::byEmail).map(p -> p.contact().id()).toArray(), at);
            queue(connection, bulletinId, Channel.VOICE, "mobile",
                    plan.stream().filter(PlannedRecipient::byVoice).map(p -> p.contact().id()).toArray(), at);
        }
    }

    /** Keeps the ids of contacts whose rows are stored later, so that a restart finishes what a crash interrupted. */
    void keepPending(long bulletinId, List<String> contactIds) throws SQLException {
        writePending(bulletinId, contactIds.isEmpty() ? null : String.join("\n", contactIds));
    }

    /** Takes up to {@code max} pending ids; the bulletin's row stays locked until the caller commits. */
    List<String> takePending(long bulletinId, int max) throws SQLException {
        String pending;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select pending_contacts from bulletin where id = ? for update")) {
            select.setLong(1, bulletinId);
            try (ResultSet row = select.executeQuery()) {
                pending = row.next() ? row.getString(1) : null;
            }
        }
        if (pending == null) {
            return List.of();
        }
        List<String> ids = Arrays.asList(pending.split("\n"));
        List<String> taken = ids.subList(0, Math.min(max, ids.size()));
        keepPending(bulletinId, ids.subList(taken.size(), ids.size()));
        return taken;
    }

    /** Bulletins with contacts still to be stored, oldest first. */
    List<Long> withPending() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id from bulletin where pending_contacts is not null order by id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    /** When the oldest bulletin with contacts still to be stored was accepted. */
    Optional<Instant> oldestPending() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select min(created_at) from bulletin where pending_contacts is not null");
                ResultSet row = select.executeQuery()) {
            OffsetDateTime oldest = row.next() ? row.getObject(1, OffsetDateTime.class) : null;
            return Optional.ofNullable(oldest).map(OffsetDateTime::toInstant);
        }
    }

    private void writePending(long bulletinId, String pending) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update bulletin set pending_contacts = ? where id = ?")) {
            update.setString(1, pending);
            update.setLong(2, bulletinId);
            update.executeUpdate();
        }
    }

    private static void queue(Connection connection, long bulletinId, Channel channel, String addressColumn, Object[] contactIds,
            OffsetDateTime at) throws SQLException {
        if (contactIds.length == 0) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(DELIVERIES.formatted(addressColumn))) {
            insert.setString(1, channel.name());
            insert.setObject(2, at);
            insert.setObject(3, at);
            insert.setObject(4, at);
            insert.setArray(5, connection.createArrayOf("varchar", contactIds));
            insert.setLong(6, bulletinId);
            insert.executeUpdate();
        }
    }
}
