package org.sightline.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.sightline.error.StoreException;
import org.sightline.store.StoreLocation;

/**
 * A throw-away PostgreSQL schema for a test or a benchmark: made with a generated name (never text
 * from input, so it can stand in DDL, which takes no parameters), opened as a store location of its
 * own, dropped with everything in it.
 */
public final class ScratchSchema implements AutoCloseable {
    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private ScratchSchema(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates {@code prefix_<random>} in the database at the URL. */
    public static ScratchSchema create(String serverUrl, String user, String password, String prefix) {
        if (!prefix.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("a schema prefix is lower-case letters, digits and _, not '" + prefix + "'");
        }
        ScratchSchema schema = new ScratchSchema(serverUrl, user, password,
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        schema.ddl("CREATE SCHEMA " + schema.name);
        return schema;
    }

    public String name() {
        return name;
    }

    /** The store in this schema, its files (index, vault) in {@code dataDir}. */
    public StoreLocation location(java.nio.file.Path dataDir) {
        return new StoreLocation(dataDir, serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name, user, password);
    }

    @Override
    public void close() {
        ddl("DROP SCHEMA " + name + " CASCADE");
    }

    private void ddl(String statement) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
            connection.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new StoreException("cannot " + statement.split(" ")[0].toLowerCase(java.util.Locale.ROOT) + " the scratch schema " + name
                    + " at " + serverUrl + ": " + e.getMessage(), e);
        }
    }
}
