package org.sightline.store.jdbc;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.sightline.stix.markings.Tlp;
import org.sightline.store.feed.FeedEntry;
import org.sightline.store.feed.VersionFilter;

/**
 * The SQL for one feed page. Pages run in sequence order on the primary key: writers take the store's
 * write lock before they are given sequence numbers, so numbers commit in order and a page boundary
 * is stable under concurrent writes.
 */
final class FeedQuery {
    private static final String COLUMNS = "SELECT v.seq, v.added_at, v.id, v.type, v.modified_key, v.spec_version, "
            + "v.tlp_rank, v.json FROM stix_version v ";

    private final String sql;
    private final List<Object> parameters;

    private FeedQuery(String sql, List<Object> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    static FeedQuery of(VersionFilter filter) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE v.seq > ? AND v.tlp_rank <= ?");
        parameters.add(filter.afterSequence());
        parameters.add(filter.clearance().ordinal());
        if (filter.addedAfter() != null) {
            where.append(" AND v.added_at > ?");
            parameters.add(Timestamp.from(filter.addedAfter()));
        }
        in(where, parameters, "v.id", filter.ids());
        in(where, parameters, "v.type", filter.types());
        in(where, parameters, "v.spec_version", filter.specVersions());
        if (!filter.createdBy().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM embedded_ref r WHERE r.object_id = v.id AND r.property = 'created_by_ref'");
            in(where, parameters, "r.target_id", filter.createdBy());
            where.append(')');
        }
        where.append(" AND (").append(versionCondition(filter, parameters)).append(')');
        String sql = COLUMNS + where + " ORDER BY v.seq LIMIT " + Math.max(1, filter.limit());
        return new FeedQuery(sql, parameters);
    }

    /** TAXII's match[version]: any of last, first, all, or given timestamps. */
    private static String versionCondition(VersionFilter filter, List<Object> parameters) {
        List<String> any = new ArrayList<>();
        List<String> timestamps = new ArrayList<>();
        for (String version : filter.versions()) {
            switch (version) {
                case "all" -> any.add("1 = 1");
                case "last" -> any.add("EXISTS (SELECT 1 FROM stix_current c WHERE c.id = v.id AND c.modified_key = v.modified_key)");
                case "first" -> any.add("NOT EXISTS (SELECT 1 FROM stix_version o WHERE o.id = v.id AND o.modified_key < v.modified_key)");
                default -> timestamps.add(VersionKey.ofTimestamp(version));
            }
        }
        if (!timestamps.isEmpty()) {
            any.add("v.modified_key IN (" + JdbcStoreWriter.placeholders(timestamps.size()) + ")");
            parameters.addAll(timestamps);
        }
        return String.join(" OR ", any);
    }

    private static void in(StringBuilder where, List<Object> parameters, String column, java.util.Set<String> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" IN (").append(JdbcStoreWriter.placeholders(values.size())).append(')');
            parameters.addAll(values);
        }
    }

    List<FeedEntry> run(Sql database) {
        return database.list(sql, parameters, row -> new FeedEntry(row.getLong(1), row.getTimestamp(2).toInstant(),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6), Tlp.values()[row.getInt(7)], row.getString(8)));
    }
}
