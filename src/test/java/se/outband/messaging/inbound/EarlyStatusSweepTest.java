package se.outband.messaging.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.replaceContacts;
import static se.outband.messaging.MessagingTestSupport.CONTACTS;
import static se.outband.messaging.MessagingTestSupport.awaitDeliveries;
import static se.outband.messaging.MessagingTestSupport.inState;
import static se.outband.messaging.MessagingTestSupport.sendOk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.common.Database;
import se.outband.messaging.FakeProviders;

/**
 * Reports that came before their message's send result wait in early_status, and a sweep applies them
 * once the message is known. The sweep must keep working however many deliveries the outbox holds: it
 * once asked for every delivery's provider id ({@code in (select …)}), which H2 sorts on disk once the
 * list is longer than it keeps in memory, and H2 then failed on every run (from about 4,400 deliveries at
 * production's heap), so no waiting report was applied again and the week-old ones were never dropped.
 */
@QuarkusTest
class EarlyStatusSweepTest {

    private static final int DELIVERIES = 100_000;
    /** Reports for messages among the deliveries, and for messages never seen. */
    private static final int KNOWN_REPORTS = 300;
    private static final int UNKNOWN_REPORTS = 50;
    private static final String JOB = "early-status-reports";
    private static final int PART = 1_000;

    @Inject
    ProviderReports reports;

    @Inject
    DataSource dataSource;

    @Inject
    Database database;

    @Inject
    Scheduler scheduler;

    private long bulletinId;
    private String prefix;

    @AfterEach
    void removeTheRows() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from delivery where bulletin_id = " + bulletinId + " and provider_id like '" + prefix + "%'");
            statement.executeUpdate("delete from early_status where provider_id like '" + prefix + "%'");
        }
        scheduler.resume(JOB);
    }

    @Test
    void waitingReportsAreAppliedBesideAHundredThousandDeliveriesAndWeekOldOnesDropped() throws Exception {
        replaceContacts(CONTACTS);
        FakeProviders.reset();
        bulletinId = sendOk(Map.of("text", "Många leveranser", "contactIds", List.of("m1"), "channels", "sms"));
        awaitDeliveries(bulletinId, inState("SENT"));
        long recipientId = recipientOf(bulletinId);
        prefix = "SMsweep" + bulletinId + "x";
        // The test runs the sweep itself, so that it can time one run.
        scheduler.pause(JOB);

        long stored = System.nanoTime();
        storeSentDeliveries(recipientId);
        storeReports(Instant.now());
        System.out.printf("Stored %,d deliveries and %,d early reports in %,d ms%n", DELIVERIES, KNOWN_REPORTS + UNKNOWN_REPORTS,
                (System.nanoTime() - stored) / 1_000_000);

        String before = spillLikeProduction();
        try {
            long started = System.nanoTime();
            reports.applyWaitingReports();
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("The sweep applied %d reports beside %,d deliveries on %s in %,d ms%n", KNOWN_REPORTS, DELIVERIES,
                    database.embedded() ? "H2" : "PostgreSQL", tookMs);
            assertTrue(tookMs < 10_000, "one sweep took " + tookMs + " ms");
        } finally {
            restore(before);
        }
        assertEquals(KNOWN_REPORTS, count("select count(*) from delivery where provider_id like ? and state = 'DELIVERED'"),
                "every report for a known message is applied");
        assertEquals(UNKNOWN_REPORTS, count("select count(*) from early_status where provider_id like ?"),
                "reports for messages never seen wait on");

        // A week later, those reports are dropped.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement age = connection.prepareStatement("update early_status set received_at = ? where provider_id like ?")) {
            age.setObject(1, OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofDays(8)), ZoneOffset.UTC));
            age.setString(2, prefix + "%");
            age.executeUpdate();
        }
        reports.applyWaitingReports();
        assertEquals(0, count("select count(*) from early_status where provider_id like ?"), "a week-old report is dropped");
    }

    /**
     * {@link #DELIVERIES} SMS taken by Twilio, all to the bulletin's one recipient: only their number matters
     * here. In parts: H2 takes arrays of up to 65,536 elements, and writes many small transactions faster than one large.
     */
    private void storeSentDeliveries(long recipientId) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into delivery (id, bulletin_id, recipient_id, channel,"
                        + " address, state, attempts, next_attempt_at, created_at, updated_at, provider, provider_id)"
                        + " select nextval('delivery_seq'), ?, ?, 'SMS', '+46701740605', 'SENT', 1, ?, ?, ?, 'twilio', sent.id"
                        + " from unnest(?) as sent(id)")) {
            for (int from = 0; from < DELIVERIES; from += PART) {
                String[] ids = new String[Math.min(PART, DELIVERIES - from)];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = prefix + (from + i);
                }
                insert.setLong(1, bulletinId);
                insert.setLong(2, recipientId);
                insert.setObject(3, now);
                insert.setObject(4, now);
                insert.setObject(5, now);
                insert.setArray(6, connection.createArrayOf("varchar", ids));
                insert.executeUpdate();
            }
        }
    }

    /** "delivered" for every 300th delivery, and for messages nobody sent. */
    private void storeReports(Instant at) throws SQLException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < KNOWN_REPORTS; i++) {
            ids.add(prefix + (i * (DELIVERIES / KNOWN_REPORTS)));
        }
        for (int i = 0; i < UNKNOWN_REPORTS; i++) {
            ids.add(prefix + "unknown" + i);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into early_status (provider, provider_id, status, received_at)"
                        + " select 'twilio', reported.id, 'delivered', ? from unnest(?) as reported(id)")) {
            insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setArray(2, connection.createArrayOf("varchar", ids.toArray()));
            insert.executeUpdate();
        }
    }

    /**
     * H2 keeps a result of up to 40,000 rows per GB of heap in memory and sorts a longer one on disk. The
     * test JVM's heap is many times production's 112 MB (outband.jvm-options), which gives about 4,400: the
     * test sets what production has, so that a query that lists every delivery spills here as it does there.
     * Returns the setting to restore.
     */
    private String spillLikeProduction() throws SQLException {
        if (!database.embedded()) {
            return null;
        }
        String before = Integer.toString(org.h2.engine.SysProperties.MAX_MEMORY_ROWS);
        execute("set max_memory_rows " + (40_000L * 112 / 1024));
        return before;
    }

    private void restore(String before) throws SQLException {
        if (before != null) {
            execute("set max_memory_rows " + before);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long recipientOf(long bulletin) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select id from recipient where bulletin_id = ?")) {
            select.setLong(1, bulletin);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, prefix + "%");
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
