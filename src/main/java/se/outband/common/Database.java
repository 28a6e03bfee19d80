package se.outband.common;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Which database Outband runs on. The embedded H2 file is opened by one process only, so whatever it
 * holds as "being sent" was left by a process that is gone; on a shared database other instances
 * may be sending right now.
 */
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class);

    private final DataSource dataSource;
    private volatile Boolean embedded;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Said first at start, so whoever reads the log knows where the data is. */
    void announce(@Observes @Priority(2) StartupEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            LOG.infof("Database: %s %s at %s", meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), meta.getURL());
        }
    }

    /** True for the embedded H2: only this process can be using it. */
    public boolean embedded() {
        Boolean known = embedded;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = "H2".equals(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read which database is in use", e);
            }
            embedded = known;
        }
        return known;
    }
}
