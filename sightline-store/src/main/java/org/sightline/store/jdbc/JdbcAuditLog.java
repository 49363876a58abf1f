package org.sightline.store.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.tokens.AuditEntry;
import org.sightline.store.tokens.AuditLog;

/** The audit_log table: inserts only. */
final class JdbcAuditLog implements AuditLog {
    private static final int MAX_PATH = 1000;
    private final Sql sql;

    JdbcAuditLog(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void record(String tokenId, String role, String method, String path, int status, String remote) {
        List<Object> values = new ArrayList<>();
        values.add(StixTimestamp.format(Instant.now()));
        values.add(tokenId);
        values.add(role);
        values.add(method);
        values.add(path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path);
        values.add(status);
        values.add(remote);
        sql.update("INSERT INTO audit_log (at, token_id, role, method, path, status, remote) VALUES (?, ?, ?, ?, ?, ?, ?)", values);
    }

    @Override
    public List<AuditEntry> since(String timestamp, int limit) {
        String query = "SELECT seq, at, token_id, role, method, path, status, remote FROM audit_log"
                + (timestamp == null ? "" : " WHERE at >= ?") + " ORDER BY seq";
        List<AuditEntry> entries = sql.list(query, timestamp == null ? List.of() : List.of(timestamp), row -> new AuditEntry(
                row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                row.getInt(7), row.getString(8)));
        return entries.size() > limit ? entries.subList(entries.size() - limit, entries.size()) : entries;
    }
}
