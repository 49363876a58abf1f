package org.sightline.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.sightline.stix.StixObject;

/**
 * Maintains stix_current and the derived indexes (names, edges, markings, external ids, embedded
 * references) for whole objects.
 */
final class DerivedIndexWriter {
    private static final List<String> DELETES = List.of(
            "DELETE FROM stix_current WHERE id = ?",
            "DELETE FROM object_name WHERE object_id = ?",
            "DELETE FROM relationship_edge WHERE rel_id = ?",
            "DELETE FROM object_marking WHERE object_id = ?",
            "DELETE FROM external_id WHERE object_id = ?",
            "DELETE FROM embedded_ref WHERE object_id = ?");

    private DerivedIndexWriter() {
    }

    static void delete(Connection connection, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        for (String sql : DELETES) {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                for (String id : ids) {
                    delete.setString(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
    }

    /** Inserts the current row of each object and, unless it is revoked, its derived rows. */
    static void insert(Connection connection, Collection<StixObject> objects) throws SQLException {
        if (objects.isEmpty()) {
            return;
        }
        try (PreparedStatement current = connection.prepareStatement(
                "INSERT INTO stix_current (id, type, modified_key, revoked, deprecated) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement name = connection.prepareStatement(
                     "INSERT INTO object_name (object_id, object_type, name_key, name, is_primary) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement edge = connection.prepareStatement(
                     "INSERT INTO relationship_edge (rel_id, source_id, rel_type, target_id) VALUES (?, ?, ?, ?)");
             PreparedStatement marking = connection.prepareStatement(
                     "INSERT INTO object_marking (object_id, marking_id) VALUES (?, ?)");
             PreparedStatement external = connection.prepareStatement(
                     "INSERT INTO external_id (object_id, source_name, external_id) VALUES (?, ?, ?)");
             PreparedStatement reference = connection.prepareStatement(
                     "INSERT INTO embedded_ref (object_id, property, target_id) VALUES (?, ?, ?)")) {
            for (StixObject object : objects) {
                current.setString(1, object.id());
                current.setString(2, object.type());
                current.setString(3, VersionKey.of(object));
                current.setBoolean(4, object.revoked());
                current.setBoolean(5, object.json().path("x_mitre_deprecated").asBoolean(false));
                current.addBatch();
                if (object.revoked()) {
                    continue;
                }
                boolean deprecated = object.json().path("x_mitre_deprecated").asBoolean(false);
                DerivedRows rows = DerivedRows.of(object);
                for (DerivedRows.NameRow row : rows.names()) {
                    name.setString(1, object.id());
                    name.setString(2, object.type());
                    name.setString(3, row.key());
                    name.setString(4, row.name());
                    name.setBoolean(5, row.primary());
                    name.addBatch();
                }
                // A deprecated relationship is history, not a current link: keep it out of the edge index.
                for (DerivedRows.EdgeRow row : deprecated ? List.<DerivedRows.EdgeRow>of() : rows.edges()) {
                    edge.setString(1, object.id());
                    edge.setString(2, row.sourceId());
                    edge.setString(3, row.type());
                    edge.setString(4, row.targetId());
                    edge.addBatch();
                }
                for (String markingId : rows.markings()) {
                    marking.setString(1, object.id());
                    marking.setString(2, markingId);
                    marking.addBatch();
                }
                for (DerivedRows.ExternalRow row : rows.externalIds()) {
                    external.setString(1, object.id());
                    external.setString(2, row.sourceName());
                    external.setString(3, row.externalId());
                    external.addBatch();
                }
                for (DerivedRows.RefRow row : rows.references()) {
                    reference.setString(1, object.id());
                    reference.setString(2, row.property());
                    reference.setString(3, row.targetId());
                    reference.addBatch();
                }
            }
            current.executeBatch();
            name.executeBatch();
            edge.executeBatch();
            marking.executeBatch();
            external.executeBatch();
            reference.executeBatch();
        }
    }
}
