package org.sightline.store.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.sightline.store.KnowledgeBase;
import org.sightline.store.StoreLocation;

/**
 * The databases the store's tests run on: embedded H2 always, and a real PostgreSQL server when
 * SIGHTLINE_TEST_PG_URL (with _USER and _PASSWORD) names one, as .ci/run does. Each test store is
 * fresh: a new H2 file, or a new PostgreSQL schema dropped afterwards.
 */
public enum Backend {
    H2, POSTGRESQL;

    /** A fresh knowledge base on this backend; the test is skipped when the backend is not configured. */
    public TestStore open() {
        Path dataDir = tempDir();
        if (this == H2) {
            return new TestStore(KnowledgeBase.open(StoreLocation.embedded(dataDir)), () -> delete(dataDir));
        }
        String url = System.getenv("SIGHTLINE_TEST_PG_URL");
        assumeTrue(url != null && !url.isBlank(),
                "skipped on PostgreSQL: set SIGHTLINE_TEST_PG_URL, SIGHTLINE_TEST_PG_USER and SIGHTLINE_TEST_PG_PASSWORD (.ci/run does)");
        String user = System.getenv("SIGHTLINE_TEST_PG_USER");
        String password = System.getenv("SIGHTLINE_TEST_PG_PASSWORD");
        // Generated here, never from input: safe to place in DDL.
        String schema = "sightline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ddl(url, user, password, "CREATE SCHEMA " + schema);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        KnowledgeBase knowledge = KnowledgeBase.open(new StoreLocation(dataDir, schemaUrl, user, password));
        return new TestStore(knowledge, () -> {
            ddl(url, user, password, "DROP SCHEMA " + schema + " CASCADE");
            delete(dataDir);
        });
    }

    private static void ddl(String url, String user, String password, String statement) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test set-up failed (" + statement + "): " + e.getMessage(), e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sightline-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
