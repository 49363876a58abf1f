package org.sightline.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sightline.error.StoreException;
import org.sightline.store.DataDirectory;
import org.sightline.store.StoreLocation;

/** Opens the connection pool for a store location and brings its schema up to date with Flyway. */
public final class Database {

    private Database() {
    }

    /**
     * An open, up-to-date store database; {@code derivedIndexesAdded} when this opening added a derived
     * index to a store that already held objects, which must then be rebuilt.
     */
    public record Opened(HikariDataSource dataSource, boolean derivedIndexesAdded) {
    }

    /** Migrations that add a derived index: its rows must be computed for every object already stored. */
    private static final java.util.Set<String> DERIVED_INDEX_MIGRATIONS = java.util.Set.of("3", "6");

    static {
        // H2's auto-server (the first process serving the file to the others) listens on loopback only: by
        // default it listens on every interface. Read once, when H2 first loads, so it is set before that.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** The embedded database's administrator, as H2 names the user that creates a database. */
    private static final String H2_USER = "sa";

    public static Opened open(StoreLocation location) {
        // Made owner-only before H2 writes a file in it; KnowledgeBase.open tightens what is in it afterwards.
        if (!java.nio.file.Files.isDirectory(location.dataDir())) {
            DataDirectory.createOwnerOnly(location.dataDir());
        }
        String user = location.user();
        String password = location.password();
        if (location.isH2()) {
            DataDirectory.createOwnerOnly(location.dataDir().resolve("db"));
            if (user == null) {
                user = H2_USER;
            }
            if (password == null && isEmbeddedDefault(location)) {
                password = embeddedPassword(location);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("sightline-store");
        config.setMaximumPoolSize(location.isH2() ? 4 : 8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(15_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException("cannot connect to the knowledge store at " + location.safeUrl() + ": "
                    + cause.getMessage() + hint(location), e);
        }
        boolean added = migrate(dataSource, location);
        return new Opened(dataSource, added);
    }

    /** Brings the schema up to date; true when a derived index was added to a store with objects in it. */
    private static boolean migrate(HikariDataSource dataSource, StoreLocation location) {
        try {
            org.flywaydb.core.api.output.MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .table("sightline_schema_history")
                    .baselineOnMigrate(false)
                    .load()
                    .migrate();
            boolean derived = result.migrations.stream().anyMatch(m -> DERIVED_INDEX_MIGRATIONS.contains(m.version));
            return derived && result.initialSchemaVersion != null && !hasNoObjects(dataSource);
        } catch (FlywayException e) {
            dataSource.close();
            throw new StoreException("cannot bring the knowledge store schema at " + location.safeUrl()
                    + " up to date: " + e.getMessage(), e);
        }
    }

    private static boolean hasNoObjects(HikariDataSource dataSource) {
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM stix_current")) {
            return rows.next() && rows.getLong(1) == 0;
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot count the objects of the knowledge store: " + e.getMessage(), e);
        }
    }

    private static boolean isEmbeddedDefault(StoreLocation location) {
        return location.jdbcUrl().equals(StoreLocation.embeddedH2Url(location.dataDir()));
    }

    /**
     * The password of the store in the data directory. A store made before Sightline set one (user
     * 'sa', no password, which any local user could use on the auto-server port) gets it now.
     */
    private static String embeddedPassword(StoreLocation location) {
        DataDirectory.EmbeddedPassword password = DataDirectory.embeddedPassword(location.dataDir());
        Path file = location.dataDir().resolve("db").resolve("sightline.mv.db");
        if (password.created() && Files.exists(file)) {
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(location.jdbcUrl(), H2_USER, "");
                 java.sql.Statement statement = connection.createStatement()) {
                // DDL takes no parameters; the password is our own base64url, no quote can be in it.
                statement.execute("ALTER USER " + H2_USER + " SET PASSWORD '" + password.password() + "'");
            } catch (java.sql.SQLException e) {
                throw new StoreException("cannot set a password on the embedded store " + file + " made by an earlier version: "
                        + e.getMessage() + " (is another, older Sightline process using it? stop it and try again)", e);
            }
        }
        return password.password();
    }

    private static String hint(StoreLocation location) {
        if (location.isPostgres()) {
            return " (check --db, and --db-user/--db-password or SIGHTLINE_DB_USER/SIGHTLINE_DB_PASSWORD)";
        }
        return " (data directory " + location.dataDir() + ")";
    }

}
