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

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import se.outband.continuity.BackupTables.Table;

/**
 * Writes back the tables {@link BackupTables} wrote, a row at a time. Only the columns the running
 * version still has are written, so a backup taken before a migration that adds a column restores.
 */
@ApplicationScoped
class TablesRestore {

    /**
     * Above the largest id by more than any sequence's increment, so Hibernate's pooled blocks and
     * the set-based inserts (which take every 500th value) start clear of every restored row.
     */
    private static final long SEQUENCE_MARGIN = 1_001;
    static final String UNSENT = "Not sent when the backup was taken; restored as history and not sent again.";

    private final DataSource dataSource;

    TablesRestore(DataSource dataSource) {
        this.dataSource = dataSource;
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
                if (BackupTables.TABLES.stream().noneMatch(t -> t.name().equals(name))) {
                    throw new IOException("outband.json names a table this version does not know: " + name);
                }
                json.nextToken();
                counts.put(name, restoreTable(connection, name, json));
            }
            for (Table table : BackupTables.TABLES) {
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
                if (++count % BackupTables.BATCH == 0) {
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
