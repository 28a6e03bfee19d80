package se.outband.continuity;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Everything but the contacts, table by table, as the {@code tables} part of outband.json: each
 * table's column names once, then its rows as arrays, read and written a row at a time with plain
 * JDBC so a long history needs no more memory than a short one. {@link TablesRestore} reads them back.
 */
@ApplicationScoped
class BackupTables {

    /** A table that is backed up, parents before children, with the sequence that numbers its rows. */
    record Table(String name, String sequence) {
    }

    /**
     * Left out: contacts (contacts.csv), sessions (everyone signs in again on a restored instance),
     * early status reports (minutes-lived), the confirm pages' one-time tokens (no page outlives a restore)
     * and Flyway's history (the running version migrates itself).
     */
    static final List<Table> TABLES = List.of(
            new Table("outband_user", "outband_user_seq"),
            new Table("recovery_code", null),
            new Table("api_token", "api_token_seq"),
            new Table("audit_entry", "audit_entry_seq"),
            new Table("status_service", "status_service_seq"),
            new Table("incident", "incident_seq"),
            new Table("incident_service", null),
            new Table("incident_update", "incident_update_seq"),
            new Table("message_template", "message_template_seq"),
            new Table("bulletin", "bulletin_seq"),
            new Table("recipient", "recipient_seq"),
            new Table("delivery", "delivery_seq"),
            new Table("reply", "reply_seq"));

    /** Rows fetched, and restored, per round trip. */
    static final int BATCH = 1_000;

    private final DataSource dataSource;

    BackupTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Rows in the tables that make a database "in use": users, tokens, contacts, bulletins, the status page. */
    long rowsInUse() throws SQLException {
        long rows = 0;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("outband_user", "api_token", "contact", "bulletin", "status_service", "incident")) {
                try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
                    count.next();
                    rows += count.getLong(1);
                }
            }
        }
        return rows;
    }

    /** Writes {@code "name": {"columns": [...], "rows": [[...], ...]}} for every table. */
    void write(JsonGenerator json) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setFetchSize(BATCH);
            for (Table table : TABLES) {
                json.writeObjectFieldStart(table.name());
                try (ResultSet rows = statement.executeQuery("select * from " + table.name() + " order by 1")) {
                    ResultSetMetaData meta = rows.getMetaData();
                    json.writeArrayFieldStart("columns");
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        json.writeString(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                    }
                    json.writeEndArray();
                    json.writeArrayFieldStart("rows");
                    while (rows.next()) {
                        writeRow(json, rows, meta);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
        }
    }

    private static void writeRow(JsonGenerator json, ResultSet rows, ResultSetMetaData meta) throws IOException, SQLException {
        json.writeStartArray();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            switch (meta.getColumnType(i)) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> {
                    long value = rows.getLong(i);
                    if (rows.wasNull()) {
                        json.writeNull();
                    } else {
                        json.writeNumber(value);
                    }
                }
                case Types.BOOLEAN, Types.BIT -> {
                    boolean value = rows.getBoolean(i);
                    if (rows.wasNull()) {
                        json.writeNull();
                    } else {
                        json.writeBoolean(value);
                    }
                }
                case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                    OffsetDateTime value = rows.getObject(i, OffsetDateTime.class);
                    json.writeString(value == null ? null : value.toInstant().toString());
                }
                default -> json.writeString(rows.getString(i));
            }
        }
        json.writeEndArray();
    }
}
