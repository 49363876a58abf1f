package org.sightline.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where Sightline keeps its data: a data directory (full-text index, embedded database file) and
 * the JDBC URL of the knowledge store, embedded H2 in the data directory unless told otherwise.
 */
public record StoreLocation(Path dataDir, String jdbcUrl, String user, String password) {

    public StoreLocation {
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir = dataDir.toAbsolutePath().normalize();
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            jdbcUrl = embeddedH2Url(dataDir);
        }
    }

    public static StoreLocation embedded(Path dataDir) {
        return new StoreLocation(dataDir, null, null, null);
    }

    /**
     * AUTO_SERVER lets a second process (an import while the server runs) open the same file: the
     * first process serves it over loopback TCP to the others, so nobody corrupts it. A writer waits up
     * to ten minutes for another one (a long import) to commit rather than failing at once.
     */
    public static String embeddedH2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("sightline").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=600000";
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    public boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    /** The URL with any password parameter hidden, for logs and messages. */
    public String safeUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "StoreLocation[" + dataDir + ", " + safeUrl() + "]";
    }
}
