package org.sightline.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sightline.error.ConflictException;
import org.sightline.error.InvalidInputException;
import org.sightline.error.StoreException;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.json.StixJson;
import org.sightline.store.collections.CollectionFilter;
import org.sightline.store.collections.CollectionStore;
import org.sightline.store.collections.SubmissionStatus;
import org.sightline.store.collections.TaxiiCollection;
import org.sightline.store.tokens.Role;

/** Collections in taxii_collection, status resources in taxii_status. */
final class JdbcCollectionStore implements CollectionStore {
    private static final String COLUMNS = "id, title, description, filter, read_role, write_role, created_at";
    private static final TypeReference<Map<String, List<SubmissionStatus.Outcome>>> OUTCOMES = new TypeReference<>() {
    };

    private final Sql sql;

    JdbcCollectionStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public TaxiiCollection create(String title, String description, CollectionFilter filter, Role readRole, Role writeRole) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("a collection needs a title");
        }
        if (find(title).isPresent()) {
            throw new ConflictException("a collection titled '" + title + "' exists already");
        }
        TaxiiCollection collection = new TaxiiCollection(UUID.randomUUID().toString(), title.trim(), description, filter,
                readRole, writeRole, StixTimestamp.format(Instant.now()));
        List<Object> values = new ArrayList<>(List.of(collection.id(), collection.title()));
        values.add(description);
        values.addAll(List.of(filter.toString(), readRole.label()));
        values.add(writeRole == null ? null : writeRole.label());
        values.add(collection.createdAt());
        sql.update("INSERT INTO taxii_collection (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", values);
        return collection;
    }

    @Override
    public Optional<TaxiiCollection> find(String idOrTitle) {
        return sql.list("SELECT " + COLUMNS + " FROM taxii_collection WHERE id = ? OR title = ?", List.of(idOrTitle, idOrTitle),
                JdbcCollectionStore::collection).stream().findFirst();
    }

    @Override
    public List<TaxiiCollection> list() {
        return sql.list("SELECT " + COLUMNS + " FROM taxii_collection ORDER BY title", List.of(), JdbcCollectionStore::collection);
    }

    @Override
    public boolean remove(String id) {
        return sql.update("DELETE FROM taxii_collection WHERE id = ?", List.of(id)) == 1;
    }

    @Override
    public void saveStatus(SubmissionStatus status) {
        String outcomes;
        try {
            outcomes = StixJson.mapper().writeValueAsString(Map.of("successes", status.successes(),
                    "failures", status.failures(), "pendings", status.pendings()));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write the status " + status.id() + ": " + e.getMessage(), e);
        }
        List<Object> counts = List.of(status.status(), status.total(), status.successes().size(), status.failures().size(),
                status.pendings().size(), outcomes);
        List<Object> update = new ArrayList<>(counts);
        update.add(status.id());
        int changed = sql.update("UPDATE taxii_status SET status = ?, total_count = ?, success_count = ?, failure_count = ?, "
                + "pending_count = ?, outcomes = ? WHERE id = ?", update);
        if (changed == 0) {
            List<Object> insert = new ArrayList<>(List.of(status.id(), status.collectionId(), status.tokenId(),
                    status.requestTimestamp()));
            insert.addAll(counts);
            sql.update("INSERT INTO taxii_status (id, collection_id, token_id, request_timestamp, status, total_count, "
                    + "success_count, failure_count, pending_count, outcomes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", insert);
        }
    }

    @Override
    public Optional<SubmissionStatus> status(String id) {
        return sql.list("SELECT id, collection_id, token_id, status, request_timestamp, outcomes FROM taxii_status WHERE id = ?",
                List.of(id), row -> {
                    Map<String, List<SubmissionStatus.Outcome>> outcomes;
                    try {
                        outcomes = StixJson.mapper().readValue(row.getString(6), OUTCOMES);
                    } catch (JsonProcessingException e) {
                        throw new SQLException("status " + id + " has unreadable outcomes: " + e.getMessage(), e);
                    }
                    return new SubmissionStatus(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), outcomes.getOrDefault("successes", List.of()),
                            outcomes.getOrDefault("failures", List.of()), outcomes.getOrDefault("pendings", List.of()));
                }).stream().findFirst();
    }

    private static TaxiiCollection collection(ResultSet row) throws SQLException {
        String writeRole = row.getString(6);
        String filter = row.getString(4);
        return new TaxiiCollection(row.getString(1), row.getString(2), row.getString(3),
                filter.isEmpty() ? CollectionFilter.everything() : CollectionFilter.parse(Arrays.asList(filter)),
                Role.parse(row.getString(5)), writeRole == null ? null : Role.parse(writeRole), row.getString(7));
    }
}
