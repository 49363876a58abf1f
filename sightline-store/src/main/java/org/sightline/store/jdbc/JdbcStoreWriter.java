package org.sightline.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.sightline.error.StoreException;
import org.sightline.stix.StixObject;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.StoreWriter;
import org.sightline.store.WriteSummary;

/**
 * Writes versions in batches on one connection inside the caller's transaction. For each batch it
 * looks up which (id, modified) pairs and current versions already exist with one query each,
 * inserts the new versions, and refreshes the current row and derived indexes of every id whose
 * current version changed.
 */
final class JdbcStoreWriter implements StoreWriter {
    static final int BATCH = 1000;
    /** Ids per IN (...) list; PostgreSQL and H2 both take far more, this keeps statements small. */
    private static final int IN_CHUNK = 500;

    private final Connection connection;
    /** The date added of the next version written; one microsecond apart, so each version has its own. */
    private Instant nextAddedAt;
    private final List<StixObject> buffer = new ArrayList<>(BATCH);
    private final WriteSummary summary = new WriteSummary();
    private Consumer<StixObject> currentListener = object -> { };

    /**
     * A writer on a connection that holds the store's write lock. Versions get strictly increasing
     * dates added, later than any stored before: TAXII clients resume a feed with added_after set to
     * the last date they saw, and two versions sharing that date would split across the boundary.
     */
    JdbcStoreWriter(Connection connection, Instant now) throws SQLException {
        this.connection = connection;
        Instant next = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        try (PreparedStatement last = connection.prepareStatement("SELECT MAX(added_at) FROM stix_version");
             ResultSet row = last.executeQuery()) {
            Timestamp stored = row.next() ? row.getTimestamp(1) : null;
            if (stored != null && !stored.toInstant().isBefore(next)) {
                next = stored.toInstant().plus(1, java.time.temporal.ChronoUnit.MICROS);
            }
        }
        this.nextAddedAt = next;
    }

    @Override
    public void put(StixObject object) {
        buffer.add(object);
        if (buffer.size() >= BATCH) {
            flush();
        }
    }

    @Override
    public void whenCurrent(Consumer<StixObject> listener) {
        this.currentListener = listener;
    }

    @Override
    public WriteSummary summary() {
        return summary;
    }

    @Override
    public void moveCursor(String feed, String position) {
        flush();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE feed_cursor SET position = ?, updated_at = ? WHERE feed = ?")) {
            String now = org.sightline.stix.StixTimestamp.format(Instant.now());
            update.setString(1, position);
            update.setString(2, now);
            update.setString(3, feed);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO feed_cursor (feed, position, updated_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, feed);
                    insert.setString(2, position);
                    insert.setString(3, now);
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot remember the position in feed " + feed + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            writeBatch(buffer);
        } catch (SQLException e) {
            throw new StoreException("cannot write to the knowledge store: " + e.getMessage(), e);
        }
        buffer.clear();
    }

    private void writeBatch(List<StixObject> batch) throws SQLException {
        Set<String> ids = new HashSet<>();
        for (StixObject object : batch) {
            ids.add(object.id());
        }
        Set<String> storedVersions = storedVersionKeys(ids);
        Map<String, String> currentKeys = currentKeys(ids);

        List<StixObject> inserts = new ArrayList<>();
        Map<String, StixObject> newCurrent = new LinkedHashMap<>();
        for (StixObject object : batch) {
            String key = VersionKey.of(object);
            if (!storedVersions.add(object.id() + '\u0000' + key)) {
                summary.countUnchanged();
                continue;
            }
            inserts.add(object);
            StixObject pending = newCurrent.get(object.id());
            String currentKey = pending != null ? VersionKey.of(pending) : currentKeys.get(object.id());
            boolean becomesCurrent = currentKey == null || key.compareTo(currentKey) > 0;
            if (becomesCurrent) {
                newCurrent.put(object.id(), object);
            }
            summary.countAdded(object.type(), becomesCurrent);
        }
        insertVersions(inserts);
        Set<String> replaced = new HashSet<>(newCurrent.keySet());
        replaced.retainAll(currentKeys.keySet());
        DerivedIndexWriter.delete(connection, replaced);
        DerivedIndexWriter.insert(connection, newCurrent.values());
        newCurrent.values().forEach(currentListener);
    }

    /** (id, modified_key) pairs already stored for these ids, as "id\0key". */
    private Set<String> storedVersionKeys(Collection<String> ids) throws SQLException {
        Set<String> keys = new HashSet<>();
        selectByIds("SELECT id, modified_key FROM stix_version WHERE id IN ", ids,
                (id, key) -> keys.add(id + '\u0000' + key));
        return keys;
    }

    /** The modified_key of the current version of each of these ids that has one. */
    private Map<String, String> currentKeys(Collection<String> ids) throws SQLException {
        Map<String, String> keys = new HashMap<>();
        selectByIds("SELECT id, modified_key FROM stix_current WHERE id IN ", ids, keys::put);
        return keys;
    }

    /** Runs a two-column query over the ids, a chunk of IN (...) placeholders at a time. */
    private void selectByIds(String sqlUpToIn, Collection<String> ids, java.util.function.BiConsumer<String, String> row)
            throws SQLException {
        for (List<String> chunk : chunks(ids)) {
            try (PreparedStatement select = connection.prepareStatement(sqlUpToIn + "(" + placeholders(chunk.size()) + ")")) {
                bind(select, chunk);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        row.accept(rows.getString(1), rows.getString(2));
                    }
                }
            }
        }
    }

    private void insertVersions(List<StixObject> inserts) throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO stix_version (id, type, modified_key, spec_version, revoked, added_at, json, tlp_rank) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (StixObject object : inserts) {
                insert.setString(1, object.id());
                insert.setString(2, object.type());
                insert.setString(3, VersionKey.of(object));
                insert.setString(4, object.specVersion());
                insert.setBoolean(5, object.revoked());
                insert.setTimestamp(6, Timestamp.from(nextAddedAt));
                nextAddedAt = nextAddedAt.plus(1, java.time.temporal.ChronoUnit.MICROS);
                insert.setString(7, object.toJson());
                insert.setShort(8, (short) Tlp.highestOn(object.json()).ordinal());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    static void bind(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
    }
}
