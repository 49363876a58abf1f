package org.sightline.cli;

import java.nio.file.Path;
import org.sightline.store.StoreLocation;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command takes, wherever they appear on the line. Defaults come from the
 * environment: SIGHTLINE_HOME, SIGHTLINE_DB_URL, SIGHTLINE_DB_USER, SIGHTLINE_DB_PASSWORD.
 */
public final class GlobalOptions {
    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data directory (default: $SIGHTLINE_HOME, else ~/.sightline).")
    Path dataDir;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC-URL",
            description = "Knowledge store (default: $SIGHTLINE_DB_URL, else embedded H2 in the data directory), "
                    + "e.g. jdbc:postgresql://localhost/sightline.")
    String db;

    @Option(names = "--db-user", scope = ScopeType.INHERIT, paramLabel = "USER",
            description = "Database user (default: $SIGHTLINE_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
            description = "Database password (default: $SIGHTLINE_DB_PASSWORD; prefer the variable, "
                    + "command lines are visible to other users).")
    String dbPassword;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print exactly one JSON document on stdout.")
    boolean json;

    public boolean json() {
        return json;
    }

    public StoreLocation location() {
        return new StoreLocation(dataDir(), firstOf(db, System.getenv("SIGHTLINE_DB_URL")),
                firstOf(dbUser, System.getenv("SIGHTLINE_DB_USER")),
                firstOf(dbPassword, System.getenv("SIGHTLINE_DB_PASSWORD")));
    }

    public Path dataDir() {
        if (dataDir != null) {
            return dataDir;
        }
        String home = System.getenv("SIGHTLINE_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".sightline");
    }

    private static String firstOf(String given, String fallback) {
        return given != null ? given : (fallback == null || fallback.isBlank() ? null : fallback);
    }
}
