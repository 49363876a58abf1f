package org.sightline.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sightline.error.StoreException;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;
import org.sightline.store.StixStore;
import org.sightline.store.StoreLocation;
import org.sightline.store.StoreWriter;
import org.sightline.store.feed.FeedEntry;
import org.sightline.store.feed.VersionFilter;
import org.sightline.stix.markings.Tlp;

/** The knowledge store on JDBC: embedded H2 or PostgreSQL, the same SQL for both. */
public final class JdbcStixStore implements StixStore {
    private static final String CURRENT_JSON = "SELECT v.json FROM stix_current c "
            + "JOIN stix_version v ON v.id = c.id AND v.modified_key = c.modified_key ";

    private final HikariDataSource dataSource;
    private final Sql sql;
    private final StoreLocation location;

    private JdbcStixStore(HikariDataSource dataSource, StoreLocation location) {
        this.dataSource = dataSource;
        this.sql = new Sql(dataSource);
        this.location = location;
    }

    public static JdbcStixStore open(StoreLocation location) {
        Database.Opened opened = Database.open(location);
        JdbcStixStore store = new JdbcStixStore(opened.dataSource(), location);
        if (opened.derivedIndexesAdded()) {
            // A new derived index came with this version: fill it for the objects stored before.
            store.rebuildDerivedIndexes();
        }
        return store;
    }

    public StoreLocation location() {
        return location;
    }

    /** The API audit log kept in the same database. */
    public org.sightline.store.tokens.AuditLog audit() {
        return new JdbcAuditLog(sql);
    }

    /** The TAXII collections kept in the same database. */
    public org.sightline.store.collections.CollectionStore collections() {
        return new JdbcCollectionStore(sql);
    }

    /** The evidence ledger's anchors kept in the same database. */
    public org.sightline.store.vault.LedgerAnchors ledgerAnchors() {
        return new JdbcLedgerAnchors(sql);
    }

    /** The API tokens kept in the same database. */
    public org.sightline.store.tokens.TokenStore tokens() {
        return new JdbcTokenStore(sql);
    }

    @Override
    public <T> T write(Function<StoreWriter, T> work) {
        return inWriteTransaction("knowledge store transaction failed", connection -> {
            JdbcStoreWriter writer = new JdbcStoreWriter(connection, Instant.now());
            T result = work.apply(writer);
            writer.flush();
            return result;
        });
    }

    /** Work on one connection inside a transaction. */
    @FunctionalInterface
    private interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work as one write transaction, after any other writer has committed; all or nothing. */
    private <T> T inWriteTransaction(String failure, TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                lockForWriting(connection);
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(failure + ": " + e.getMessage(), e);
        }
    }

    /** Waits for any other writer (in this or another process) to commit; see V2__write_lock.sql. */
    private static void lockForWriting(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM store_write_lock WHERE id = 1 FOR UPDATE");
             ResultSet row = lock.executeQuery()) {
            row.next();
        }
    }

    @Override
    public Optional<StixObject> current(String id) {
        return sql.list(CURRENT_JSON + "WHERE c.id = ?", List.of(id), JdbcStixStore::object).stream().findFirst();
    }

    @Override
    public Optional<StixObject> version(String id, String timestamp) {
        return sql.list("SELECT json FROM stix_version WHERE id = ? AND modified_key = ?",
                List.of(id, VersionKey.ofTimestamp(timestamp)), JdbcStixStore::object).stream().findFirst();
    }

    @Override
    public List<VersionInfo> versions(String id) {
        String currentKey = sql.list("SELECT modified_key FROM stix_current WHERE id = ?", List.of(id),
                row -> row.getString(1)).stream().findFirst().orElse(null);
        return sql.list("SELECT modified_key, revoked, added_at, json FROM stix_version WHERE id = ? ORDER BY modified_key",
                List.of(id), row -> {
                    StixObject object = object(row, 4);
                    return new VersionInfo(id, object.versionTimestamp().orElse(null), row.getBoolean(2),
                            row.getString(1).equals(currentKey), StixTimestamp.format(row.getTimestamp(3).toInstant()));
                });
    }

    @Override
    public List<StixObject> currentObjects(Collection<String> ids) {
        List<StixObject> objects = new ArrayList<>();
        for (List<String> chunk : JdbcStoreWriter.chunks(Set.copyOf(ids))) {
            objects.addAll(sql.list(CURRENT_JSON + "WHERE c.revoked = FALSE AND c.id IN ("
                    + JdbcStoreWriter.placeholders(chunk.size()) + ")", chunk, JdbcStixStore::object));
        }
        return objects;
    }

    @Override
    public Set<String> activeIds(Collection<String> ids) {
        Set<String> active = new java.util.HashSet<>();
        for (List<String> chunk : JdbcStoreWriter.chunks(Set.copyOf(ids))) {
            active.addAll(sql.list("SELECT id FROM stix_current WHERE revoked = FALSE AND deprecated = FALSE AND id IN ("
                    + JdbcStoreWriter.placeholders(chunk.size()) + ")", chunk, row -> row.getString(1)));
        }
        return active;
    }

    @Override
    public void forEachCurrent(ObjectQuery query, Consumer<StixObject> consumer) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (!query.includeRevoked()) {
            where.append(" AND c.revoked = FALSE");
        }
        if (!query.types().isEmpty()) {
            where.append(" AND c.type IN (").append(JdbcStoreWriter.placeholders(query.types().size())).append(')');
            parameters.addAll(query.types());
        }
        if (!query.ids().isEmpty()) {
            where.append(" AND c.id IN (").append(JdbcStoreWriter.placeholders(query.ids().size())).append(')');
            parameters.addAll(query.ids());
        }
        sql.stream(CURRENT_JSON + where + " ORDER BY c.id", parameters, JdbcStixStore::object, consumer);
    }

    @Override
    public StoreStats stats() {
        Map<String, Long> byType = countsByType();
        long objects = byType.values().stream().mapToLong(Long::longValue).sum();
        long versions = sql.count("SELECT COUNT(*) FROM stix_version", List.of());
        long relationships = sql.count("SELECT COUNT(*) FROM relationship_edge", List.of());
        long revoked = sql.count("SELECT COUNT(*) FROM stix_current WHERE revoked = TRUE", List.of());
        return new StoreStats(byType, objects, versions, relationships, revoked);
    }

    /**
     * Totals as a reader cleared to the level sees them: versions marked within it of ids whose
     * current version is too, and revoked ids of that level; no count says how much is hidden.
     */
    @Override
    public StoreStats stats(Tlp clearance) {
        Map<String, Long> byType = countsByType(clearance);
        long objects = byType.values().stream().mapToLong(Long::longValue).sum();
        int rank = clearance.ordinal();
        long versions = sql.count("SELECT COUNT(*) FROM stix_version v JOIN stix_current c ON c.id = v.id "
                + "JOIN stix_version cv ON cv.id = c.id AND cv.modified_key = c.modified_key WHERE v.tlp_rank <= ? AND cv.tlp_rank <= ?",
                List.of(rank, rank));
        long revoked = sql.count("SELECT COUNT(*) FROM stix_current c JOIN stix_version v ON v.id = c.id "
                + "AND v.modified_key = c.modified_key WHERE c.revoked = TRUE AND v.tlp_rank <= ?", List.of(rank));
        return new StoreStats(byType, objects, versions, byType.getOrDefault("relationship", 0L), revoked);
    }

    @Override
    public Map<String, Long> countsByType() {
        Map<String, Long> counts = new TreeMap<>();
        sql.stream("SELECT type, COUNT(*) FROM stix_current WHERE revoked = FALSE GROUP BY type", List.of(),
                row -> Map.entry(row.getString(1), row.getLong(2)), entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    @Override
    public Map<String, Long> countsByType(Tlp clearance) {
        Map<String, Long> counts = new TreeMap<>();
        int rank = clearance.ordinal();
        // A sighting joins what it sighted, where and in which observed data: hidden with any of them, as Visibility hides it.
        sql.stream(VISIBLE_CURRENT + "WHERE c.revoked = FALSE AND v.tlp_rank <= ? AND c.type <> 'relationship' "
                        + "AND NOT EXISTS (SELECT 1 FROM embedded_ref r JOIN stix_current h ON h.id = r.target_id "
                        + "JOIN stix_version hv ON hv.id = h.id AND hv.modified_key = h.modified_key "
                        + "WHERE r.object_id = c.id AND r.property IN ('sighting_of_ref', 'where_sighted_refs', 'observed_data_refs') "
                        + "AND hv.tlp_rank > ?) GROUP BY c.type",
                List.of(rank, rank), row -> Map.entry(row.getString(1), row.getLong(2)), entry -> counts.put(entry.getKey(), entry.getValue()));
        long relationships = sql.count("SELECT COUNT(*) FROM relationship_edge e "
                + "JOIN stix_current c ON c.id = e.rel_id JOIN stix_version v ON v.id = c.id AND v.modified_key = c.modified_key "
                + "WHERE v.tlp_rank <= ? AND NOT EXISTS (SELECT 1 FROM stix_current h JOIN stix_version hv "
                + "ON hv.id = h.id AND hv.modified_key = h.modified_key "
                + "WHERE h.id IN (e.source_id, e.target_id) AND hv.tlp_rank > ?)", List.of(rank, rank));
        if (relationships > 0) {
            counts.put("relationship", relationships);
        }
        return counts;
    }

    private static final String VISIBLE_CURRENT = "SELECT c.type, COUNT(*) FROM stix_current c "
            + "JOIN stix_version v ON v.id = c.id AND v.modified_key = c.modified_key ";

    @Override
    public List<NameMatch> findByNameKey(String nameKey, Set<String> types) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(nameKey);
        parameters.addAll(types);
        return sql.list("SELECT n.object_id, n.object_type, n.name, n.is_primary, c.deprecated FROM object_name n "
                        + "JOIN stix_current c ON c.id = n.object_id WHERE n.name_key = ? AND n.object_type IN ("
                        + JdbcStoreWriter.placeholders(types.size()) + ")",
                parameters, JdbcStixStore::nameMatch);
    }

    @Override
    public List<NameMatch> allNames(Set<String> types) {
        return sql.list("SELECT n.object_id, n.object_type, n.name, n.is_primary, c.deprecated FROM object_name n "
                        + "JOIN stix_current c ON c.id = n.object_id WHERE n.object_type IN ("
                        + JdbcStoreWriter.placeholders(types.size()) + ")",
                List.copyOf(types), JdbcStixStore::nameMatch);
    }

    @Override
    public List<Edge> edgesFrom(String sourceId, String relationshipType) {
        return edges("source_id", sourceId, relationshipType);
    }

    @Override
    public List<Edge> edgesTo(String targetId, String relationshipType) {
        return edges("target_id", targetId, relationshipType);
    }

    @Override
    public List<Edge> edgesOfType(String relationshipType) {
        return sql.list("SELECT rel_id, source_id, rel_type, target_id FROM relationship_edge WHERE rel_type = ?",
                List.of(relationshipType), row -> new Edge(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
    }

    private List<Edge> edges(String column, String id, String relationshipType) {
        String query = "SELECT rel_id, source_id, rel_type, target_id FROM relationship_edge WHERE " + column + " = ?";
        List<Object> parameters = new ArrayList<>(List.of(id));
        if (relationshipType != null) {
            query += " AND rel_type = ?";
            parameters.add(relationshipType);
        }
        return sql.list(query, parameters,
                row -> new Edge(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
    }

    @Override
    public List<String> referencing(String targetId, String property) {
        return sql.list("SELECT object_id FROM embedded_ref WHERE target_id = ? AND property = ? ORDER BY object_id",
                List.of(targetId, property), row -> row.getString(1));
    }

    @Override
    public List<ExternalId> findByExternalId(String externalId) {
        return sql.list("SELECT object_id, source_name, external_id FROM external_id WHERE external_id = ?",
                List.of(externalId.toUpperCase(java.util.Locale.ROOT)),
                row -> new ExternalId(row.getString(1), row.getString(2), row.getString(3)));
    }

    @Override
    public List<String> markingsOf(String objectId) {
        return sql.list("SELECT marking_id FROM object_marking WHERE object_id = ?", List.of(objectId),
                row -> row.getString(1));
    }

    @Override
    public long lastSequence() {
        return sql.count("SELECT COALESCE(MAX(seq), 0) FROM stix_version", List.of());
    }

    @Override
    public void forEachCurrentSince(long sequence, Set<String> excludedTypes, Consumer<SequencedObject> consumer) {
        List<Object> parameters = new ArrayList<>(List.of(sequence));
        parameters.addAll(excludedTypes);
        String exclude = excludedTypes.isEmpty() ? ""
                : " AND c.type NOT IN (" + JdbcStoreWriter.placeholders(excludedTypes.size()) + ")";
        sql.stream("SELECT v.seq, v.json FROM stix_current c JOIN stix_version v "
                        + "ON v.id = c.id AND v.modified_key = c.modified_key "
                        + "WHERE v.seq > ? AND c.revoked = FALSE" + exclude + " ORDER BY v.seq",
                parameters, row -> new SequencedObject(row.getLong(1), object(row, 2)), consumer);
    }

    @Override
    public List<String> revokedSince(long sequence) {
        return sql.list("SELECT c.id FROM stix_current c JOIN stix_version v "
                        + "ON v.id = c.id AND v.modified_key = c.modified_key WHERE v.seq > ? AND c.revoked = TRUE",
                List.of(sequence), row -> row.getString(1));
    }

    @Override
    public List<FeedEntry> feed(VersionFilter filter) {
        return FeedQuery.of(filter).run(sql);
    }

    @Override
    public Map<String, Tlp> currentLevels(Collection<String> ids) {
        Map<String, Tlp> levels = new java.util.HashMap<>();
        for (List<String> chunk : JdbcStoreWriter.chunks(Set.copyOf(ids))) {
            sql.stream("SELECT v.id, v.tlp_rank FROM stix_current c JOIN stix_version v "
                            + "ON v.id = c.id AND v.modified_key = c.modified_key WHERE c.id IN ("
                            + JdbcStoreWriter.placeholders(chunk.size()) + ")", chunk,
                    row -> Map.entry(row.getString(1), Tlp.values()[row.getInt(2)]), e -> levels.put(e.getKey(), e.getValue()));
        }
        return levels;
    }

    @Override
    public boolean delete(String id, Set<String> versions) {
        return inWriteTransaction("cannot delete " + id, connection -> {
            int deleted = 0;
            if (versions.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM stix_version WHERE id = ?")) {
                    delete.setString(1, id);
                    deleted = delete.executeUpdate();
                }
            } else {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM stix_version WHERE id = ? AND modified_key = ?")) {
                    for (String version : versions) {
                        delete.setString(1, id);
                        delete.setString(2, VersionKey.ofTimestamp(version));
                        deleted += delete.executeUpdate();
                    }
                }
            }
            if (deleted > 0) {
                // The current row and every derived row follow the newest version left, if any.
                DerivedIndexWriter.delete(connection, Set.of(id));
                try (PreparedStatement current = connection.prepareStatement("DELETE FROM stix_current WHERE id = ?");
                     PreparedStatement newest = connection.prepareStatement(
                             "SELECT json FROM stix_version WHERE id = ? ORDER BY modified_key DESC LIMIT 1")) {
                    current.setString(1, id);
                    current.executeUpdate();
                    newest.setString(1, id);
                    try (ResultSet row = newest.executeQuery()) {
                        if (row.next()) {
                            DerivedIndexWriter.insert(connection, List.of(object(row, 1)));
                        }
                    }
                }
            }
            return deleted > 0;
        });
    }

    @Override
    public Optional<String> cursor(String feed) {
        return sql.list("SELECT position FROM feed_cursor WHERE feed = ?", List.of(feed), row -> row.getString(1))
                .stream().findFirst();
    }

    @Override
    public void rebuildDerivedIndexes() {
        inWriteTransaction("cannot rebuild the derived indexes", connection -> {
            rebuild(connection);
            return null;
        });
    }

    /** Recomputes the current version of every id from stix_version, then every derived row. */
    private void rebuild(Connection connection) throws SQLException {
        try (Statement clear = connection.createStatement()) {
            for (String table : List.of("stix_current", "object_name", "relationship_edge", "object_marking", "external_id",
                    "embedded_ref")) {
                clear.executeUpdate("DELETE FROM " + table);
            }
        }
        List<StixObject> batch = new ArrayList<>();
        try (Connection reader = dataSource.getConnection();
             PreparedStatement rank = connection.prepareStatement(
                     "UPDATE stix_version SET tlp_rank = ? WHERE id = ? AND modified_key = ?")) {
            reader.setAutoCommit(false);
            try (PreparedStatement select = reader.prepareStatement(
                    "SELECT id, json, modified_key, tlp_rank FROM stix_version ORDER BY id, modified_key")) {
                select.setFetchSize(500);
                try (ResultSet rows = select.executeQuery()) {
                    StixObject newest = null;
                    while (rows.next()) {
                        StixObject object = object(rows, 2);
                        int level = org.sightline.stix.markings.Tlp.highestOn(object.json()).ordinal();
                        if (level != rows.getInt(4)) { // the TLP level is derived too: versions stored before V6 had none
                            rank.setShort(1, (short) level);
                            rank.setString(2, object.id());
                            rank.setString(3, rows.getString(3));
                            rank.executeUpdate();
                        }
                        if (newest != null && !newest.id().equals(object.id())) {
                            addToBatch(connection, batch, newest);
                        }
                        newest = object;
                    }
                    if (newest != null) {
                        addToBatch(connection, batch, newest);
                    }
                }
            } finally {
                reader.rollback();
            }
        }
        DerivedIndexWriter.insert(connection, batch);
    }

    private static void addToBatch(Connection connection, List<StixObject> batch, StixObject object) throws SQLException {
        batch.add(object);
        if (batch.size() >= JdbcStoreWriter.BATCH) {
            DerivedIndexWriter.insert(connection, batch);
            batch.clear();
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static StixObject object(ResultSet row) throws SQLException {
        return object(row, 1);
    }

    private static StixObject object(ResultSet row, int column) throws SQLException {
        return new StixObject(StixJson.parseObject(row.getString(column), "stored object"));
    }

    private static NameMatch nameMatch(ResultSet row) throws SQLException {
        return new NameMatch(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4), row.getBoolean(5));
    }
}
