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

    /** What the connection says about the database: read once. */
    private record Product(String name, String version, String url) {
    }

    private final DataSource dataSource;
    private final DatabaseConfig config;
    private volatile Product product;

    Database(DataSource dataSource, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Said first at start, so whoever reads the log knows where the data is. */
    void announce(@Observes @Priority(2) StartupEvent event) {
        Product known = product();
        LOG.infof("Database: %s %s at %s", known.name(), known.version(), withoutParameters(known.url()));
        if (!embedded() && config.url().isEmpty()) {
            LOG.warn("This database was named through Quarkus's own datasource settings: name it with OUTBAND_DATABASE_URL"
                    + " instead, so that the package's start script rebuilds a new package for it before its first start");
        }
    }

    /**
     * True for the embedded H2: only this process can be using it. Asked of the database itself, so
     * that a PostgreSQL named another way than OUTBAND_DATABASE_URL is still treated as shared.
     */
    public boolean embedded() {
        return "H2".equals(product().name());
    }

    /** A URL's parameters may hold a password (PostgreSQL takes {@code ?password=}): the log never shows them. */
    static String withoutParameters(String url) {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters) + "?…";
    }

    private Product product() {
        Product known = product;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                known = new Product(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), meta.getURL());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read which database is in use", e);
            }
            product = known;
        }
        return known;
    }
}
