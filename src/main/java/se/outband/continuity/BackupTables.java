package se.outband.continuity;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Everything but the contacts, table by table, as the {@code tables} part of outband.json: each
 * table's column names once, then its rows as arrays, read and written a row at a time with plain
 * JDBC so a long history needs no more memory than a short one. Restoring writes only the columns
 * the running version still has, so a backup taken before a migration that adds a column restores.
 */
@ApplicationScoped
class BackupTables {

    /** A table that is backed up, parents before children, with the sequence that numbers its rows. */
    record Table(String name, String sequence) {
    }

    /**
     * Left out: contacts (contacts.csv), sessions (everyone signs in again on a restored instance),
     * early status reports (minutes-lived) and Flyway's history (the running version migrates itself).
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

    /**
     * Above the largest id by more than any sequence's increment, so Hibernate's pooled blocks and
     * the set-based inserts (which take every 500th value) start clear of every restored row.
     */
    private static final long SEQUENCE_MARGIN = 1_001;
    private static final int BATCH = 1_000;
    static final String UNSENT = "Not sent when the backup was taken; restored as history and not sent again.";

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

    /** Counts the rows written per table; the parser stands on the {@code tables} object's start. */
    Map<String, Long> restore(JsonParser json) throws IOException, SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (Statement clear = connection.createStatement()) {
                // The migrations' example texts stand in for an empty list; the backup's own list replaces them.
                clear.executeUpdate("delete from message_template");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                if (TABLES.stream().noneMatch(t -> t.name().equals(name))) {
                    throw new IOException("outband.json names a table this version does not know: " + name);
                }
                json.nextToken();
                counts.put(name, restoreTable(connection, name, json));
            }
            for (Table table : TABLES) {
                if (table.sequence() != null) {
                    restartSequence(connection, table);
                }
            }
        }
        return counts;
    }

    private long restoreTable(Connection connection, String table, JsonParser json) throws IOException, SQLException {
        expect(json, JsonToken.START_OBJECT);
        List<String> columns = new ArrayList<>();
        Map<String, Integer> types = columnTypes(connection, table);
        long count = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            if (field.equals("columns")) {
                expect(json, JsonToken.START_ARRAY);
                while (json.nextToken() == JsonToken.VALUE_STRING) {
                    columns.add(json.getText());
                }
            } else if (field.equals("rows")) {
                count = insertRows(connection, table, columns, types, json);
            } else {
                json.skipChildren();
            }
        }
        return count;
    }

    private long insertRows(Connection connection, String table, List<String> columns, Map<String, Integer> types,
            JsonParser json) throws IOException, SQLException {
        expect(json, JsonToken.START_ARRAY);
        List<String> kept = columns.stream().filter(types::containsKey).toList();
        String sql = "insert into " + table + " (" + String.join(", ", kept) + ") values ("
                + String.join(", ", kept.stream().map(c -> "?").toList()) + ")";
        long count = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            while (json.nextToken() == JsonToken.START_ARRAY) {
                Map<String, Object> row = new HashMap<>();
                for (String column : columns) {
                    json.nextToken();
                    row.put(column, value(json));
                }
                expect(json.nextToken(), JsonToken.END_ARRAY, json);
                asHistory(table, row);
                for (int i = 0; i < kept.size(); i++) {
                    bind(insert, i + 1, row.get(kept.get(i)), types.get(kept.get(i)));
                }
                insert.addBatch();
                if (++count % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return count;
    }

    /**
     * A restored instance must not send, days later, what was waiting when the backup was taken:
     * such deliveries become failures that say why, and a bulletin's recipients still to be stored are dropped.
     */
    private static void asHistory(String table, Map<String, Object> row) {
        if (table.equals("delivery") && ("QUEUED".equals(row.get("state")) || "SENDING".equals(row.get("state")))) {
            row.put("state", "FAILED");
            row.put("last_error", UNSENT);
        } else if (table.equals("bulletin")) {
            row.put("pending_contacts", null);
        }
    }

    private static Object value(JsonParser json) throws IOException {
        return switch (json.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> json.getLongValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_STRING -> json.getText();
            default -> throw new IOException("outband.json has an unexpected " + json.currentToken() + " at "
                    + json.currentLocation());
        };
    }

    private static void bind(PreparedStatement insert, int index, Object value, int type) throws SQLException {
        if (value == null) {
            insert.setNull(index, type);
        } else if (type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP) {
            insert.setObject(index, OffsetDateTime.parse(value.toString().replace("Z", "+00:00")));
        } else {
            insert.setObject(index, value);
        }
    }

    private static Map<String, Integer> columnTypes(Connection connection, String table) throws SQLException {
        Map<String, Integer> types = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet empty = statement.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData meta = empty.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnType(i));
            }
        }
        return types;
    }

    private static void restartSequence(Connection connection, Table table) throws SQLException {
        long next;
        try (Statement statement = connection.createStatement();
                ResultSet max = statement.executeQuery("select coalesce(max(id), 0) from " + table.name())) {
            max.next();
            next = max.getLong(1) + SEQUENCE_MARGIN;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter sequence " + table.sequence() + " restart with " + next);
        }
    }

    private static void expect(JsonParser json, JsonToken token) throws IOException {
        expect(json.currentToken(), token, json);
    }

    private static void expect(JsonToken actual, JsonToken token, JsonParser json) throws IOException {
        if (actual != token) {
            throw new IOException("outband.json is not in the expected shape at " + json.currentLocation()
                    + ": expected " + token + ", found " + actual);
        }
    }
}
