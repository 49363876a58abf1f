package org.sightline.stix.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public test data in ../shared/data (see its SOURCES.md). Present in CI; a user's clone may
 * not have it, and then tests that need it are skipped with a message saying so.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("sightline.shared.data");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        return root.toAbsolutePath().normalize();
    }

    /** The path under ../shared/data, or the test is skipped when it is absent. */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(Files.exists(path), () -> "skipped: public test data " + path
                + " is absent (it ships beside the repository as ../shared/data; see README)");
        return path;
    }

    public static Path enterpriseAttack() {
        return require("attack/enterprise-attack-18.1.json.gz");
    }

    public static Path menuPassSubset() {
        return require("attack/enterprise-attack-18.1-menupass-apt3-subset.json");
    }
}
