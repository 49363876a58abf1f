package org.sightline.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sightline.store.testing.Objects.MENUPASS;
import static org.sightline.store.testing.Objects.intrusionSet;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.stix.StixObject;
import org.sightline.store.StoreLocation;

/** A store written by a version before a derived index existed gets that index filled when it is next opened. */
class SchemaUpgradeTest {
    private static final String REPORT = "report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3";

    @Test
    void anOlderStoreGetsItsEmbeddedReferencesIndexedOnOpening(@TempDir Path dataDir) throws Exception {
        StoreLocation location = StoreLocation.embedded(dataDir);
        try (JdbcStixStore store = JdbcStixStore.open(location)) {
            store.write(writer -> {
                writer.put(intrusionSet(MENUPASS, "2018-01-01T00:00:00.000Z", "menuPass"));
                writer.put(StixObject.parse("{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"" + REPORT + "\","
                        + "\"created\":\"2017-04-01T00:00:00.000Z\",\"modified\":\"2017-04-01T00:00:00.000Z\","
                        + "\"name\":\"Operation Cloud Hopper\",\"published\":\"2017-04-03T00:00:00Z\","
                        + "\"object_refs\":[\"" + MENUPASS + "\"]}"));
                return null;
            });
        }
        // Turn the store back into one written before migration 3: no embedded_ref table (nor anything
        // later), history at 2.
        try (var connection = DriverManager.getConnection(location.jdbcUrl(), "sa", org.sightline.store.DataDirectory.embeddedPasswordOf(dataDir));
             var statement = connection.createStatement()) {
            statement.executeUpdate("DROP TABLE embedded_ref");
            statement.executeUpdate("DROP TABLE api_token");
            statement.executeUpdate("DROP TABLE audit_log");
            statement.executeUpdate("DROP TABLE taxii_collection");
            statement.executeUpdate("DROP TABLE taxii_status");
            statement.executeUpdate("DROP TABLE feed_cursor");
            statement.executeUpdate("DROP TABLE vault_anchor");
            statement.executeUpdate("DROP INDEX ix_version_added");
            statement.executeUpdate("ALTER TABLE stix_version DROP COLUMN tlp_rank");
            statement.executeUpdate("DELETE FROM \"sightline_schema_history\" WHERE \"version\" IN ('3', '4', '5', '6', '7')");
        }
        try (JdbcStixStore store = JdbcStixStore.open(location)) {
            assertThat(store.referencing(MENUPASS, "object_refs")).containsExactly(REPORT);
            assertThat(store.current(MENUPASS)).isPresent();
            // the TLP level of versions stored before V6 is filled in too: menuPass is marked GREEN
            assertThat(store.currentLevels(java.util.List.of(MENUPASS))).containsEntry(MENUPASS,
                    org.sightline.stix.markings.Tlp.GREEN);
        }
    }
}
