package org.sightline.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sightline.error.StoreException;
import org.sightline.store.StoreLocation;

/** Opens the connection pool for a store location and brings its schema up to date with Flyway. */
public final class Database {

    private Database() {
    }

    public static HikariDataSource open(StoreLocation location) {
        if (location.isH2()) {
            try {
                Files.createDirectories(location.dataDir().resolve("db"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + location.dataDir(), e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        if (location.user() != null) {
            config.setUsername(location.user());
        } else if (location.isH2()) {
            config.setUsername("sa");
        }
        if (location.password() != null) {
            config.setPassword(location.password());
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
        migrate(dataSource, location);
        return dataSource;
    }

    private static void migrate(HikariDataSource dataSource, StoreLocation location) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .table("sightline_schema_history")
                    .baselineOnMigrate(false)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new StoreException("cannot bring the knowledge store schema at " + location.safeUrl()
                    + " up to date: " + e.getMessage(), e);
        }
    }

    private static String hint(StoreLocation location) {
        if (location.isPostgres()) {
            return " (check --db, and --db-user/--db-password or SIGHTLINE_DB_USER/SIGHTLINE_DB_PASSWORD)";
        }
        return " (data directory " + location.dataDir() + ")";
    }

}
