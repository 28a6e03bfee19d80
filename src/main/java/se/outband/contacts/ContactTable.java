package se.outband.contacts;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The contact tables as an import and a bulletin's audience read and write them: a chunk of rows at a time with
 * plain JDBC, so a list of any length needs memory for one chunk, not for every contact as an entity.
 * Runs inside the caller's transaction (the data source hands out the transaction's connection).
 */
@ApplicationScoped
class ContactTable {

    static final int CHUNK = 500;

    /** A chunk's rows sorted by what applying them would do; {@code before} holds the stored version of each updated one. */
    record Changes(List<ContactData> created, List<ContactData> updated, List<ContactData> before, int unchanged) {
    }

    private final DataSource dataSource;

    ContactTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Compares up to {@link #CHUNK} validated contacts with the stored ones of the same ids. */
    Changes compare(List<ContactData> chunk) throws SQLException {
        Map<String, ContactData> stored = stored(chunk.stream().map(ContactData::id).toList());
        List<ContactData> created = new ArrayList<>();
        List<ContactData> updated = new ArrayList<>();
        List<ContactData> replaced = new ArrayList<>();
        int unchanged = 0;
        for (ContactData data : chunk) {
            ContactData before = stored.get(data.id());
            if (before == null) {
                created.add(data);
            } else if (before.equals(data.withoutWarnings())) {
                unchanged++;
            } else {
                updated.add(data);
                replaced.add(before);
            }
        }
        return new Changes(created, updated, replaced, unchanged);
    }

    void write(Changes changes, Instant now) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into contact (name, mobile, email, language, title, unit, updated_at, id) values (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = connection.prepareStatement(
                        "update contact set name = ?, mobile = ?, email = ?, language = ?, title = ?, unit = ?, updated_at = ? where id = ?");
                PreparedStatement clearGroups = connection.prepareStatement("delete from contact_group where contact_id = ?");
                PreparedStatement addGroup = connection.prepareStatement("insert into contact_group (contact_id, group_name) values (?, ?)")) {
            for (ContactData data : changes.created()) {
                bind(insert, data, at);
                addGroups(addGroup, data);
            }
            for (ContactData data : changes.updated()) {
                bind(update, data, at);
                clearGroups.setString(1, data.id());
                clearGroups.addBatch();
                addGroups(addGroup, data);
            }
            insert.executeBatch();
            update.executeBatch();
            clearGroups.executeBatch();
            addGroup.executeBatch();
        }
    }

    /** Every stored id that is not in {@code kept}: who a replacing import removes. */
    List<String> idsNotIn(Set<String> kept) throws SQLException {
        List<String> others = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select id from contact")) {
            select.setFetchSize(CHUNK);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    if (!kept.contains(id)) {
                        others.add(id);
                    }
                }
            }
        }
        return others;
    }

    /** Up to {@link #CHUNK} ids in id order after {@code afterId} (null: from the start), for reading every contact a chunk at a time. */
    List<String> idsAfter(String afterId) throws SQLException {
        List<String> ids = new ArrayList<>(CHUNK);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id from contact where ? is null or id > ? order by id fetch first " + CHUNK + " rows only")) {
            select.setString(1, afterId);
            select.setString(2, afterId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** Deletes contacts and, by the foreign key's cascade, their group memberships. */
    void delete(List<String> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from contact where id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                delete.setString(1, ids.get(i));
                delete.addBatch();
                if (i % CHUNK == CHUNK - 1) {
                    delete.executeBatch();
                }
            }
            delete.executeBatch();
        }
    }

    /** The stored contacts with these ids (at most {@link #CHUNK}), by id. */
    Map<String, ContactData> stored(List<String> ids) throws SQLException {
        Map<String, List<String>> groups = new HashMap<>();
        Map<String, ContactData> stored = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement selectGroups = connection.prepareStatement(
                        "select g.contact_id, g.group_name from unnest(?) as chunk(id) join contact_group g on g.contact_id = chunk.id");
                PreparedStatement selectContacts = connection.prepareStatement(
                        "select c.id, c.name, c.mobile, c.email, c.language, c.title, c.unit from unnest(?) as chunk(id)"
                                + " join contact c on c.id = chunk.id")) {
            Array idArray = connection.createArrayOf("varchar", ids.toArray());
            selectGroups.setArray(1, idArray);
            try (ResultSet rows = selectGroups.executeQuery()) {
                while (rows.next()) {
                    groups.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            selectContacts.setArray(1, idArray);
            try (ResultSet rows = selectContacts.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    List<String> memberOf = groups.getOrDefault(id, new ArrayList<>());
                    // Sorted as the validator sorts an imported row's groups, whatever the database's collation.
                    memberOf.sort(null);
                    stored.put(id, new ContactData(id, rows.getString(2), rows.getString(3), rows.getString(4), memberOf,
                            rows.getString(5), rows.getString(6), rows.getString(7), List.of()));
                }
            }
        }
        return stored;
    }

    /**
     * The contacts with these ids, by id; ids nobody has are left out. Joined to the ids as an array: an IN list of
     * a chunk's 2,000 ids made the embedded database compare every row it found with every id in the list.
     */
    Map<String, Addressee> addressees(Collection<String> ids) throws SQLException {
        Map<String, Addressee> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select c.id, c.name, c.mobile, c.email from unnest(?) as chosen(id)"
                        + " join contact c on c.id = chosen.id")) {
            select.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), new Addressee(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        }
        return found;
    }

    private static void bind(PreparedStatement statement, ContactData data, OffsetDateTime at) throws SQLException {
        statement.setString(1, data.name());
        statement.setString(2, data.mobile());
        statement.setString(3, data.email());
        statement.setString(4, data.language());
        statement.setString(5, data.title());
        statement.setString(6, data.unit());
        statement.setObject(7, at);
        statement.setString(8, data.id());
        statement.addBatch();
    }

    private static void addGroups(PreparedStatement addGroup, ContactData data) throws SQLException {
        for (String group : data.groups()) {
            addGroup.setString(1, data.id());
            addGroup.setString(2, group);
            addGroup.addBatch();
        }
    }
}
