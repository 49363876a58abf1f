package org.sightline.store.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
        org.sightline.store.jdbc.ScratchSchema schema = org.sightline.store.jdbc.ScratchSchema.create(url, user, password, "sightline_test");
        KnowledgeBase knowledge = KnowledgeBase.open(schema.location(dataDir));
        return new TestStore(knowledge, () -> {
            schema.close();
            delete(dataDir);
        });
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
