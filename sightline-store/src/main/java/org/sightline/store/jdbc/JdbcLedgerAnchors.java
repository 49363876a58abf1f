package org.sightline.store.jdbc;

import java.time.Instant;
import java.util.List;
import org.sightline.stix.StixTimestamp;
import org.sightline.store.vault.LedgerAnchors;
import org.sightline.store.vault.LedgerEntry;

/** The vault_anchor table: inserts only. */
final class JdbcLedgerAnchors implements LedgerAnchors {
    private final Sql sql;

    JdbcLedgerAnchors(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void anchor(LedgerEntry entry) {
        sql.update("INSERT INTO vault_anchor (sequence, entry_hash, sha256, anchored_at) VALUES (?, ?, ?, ?)",
                List.of(entry.sequence(), entry.hash(), entry.sha256(), StixTimestamp.format(Instant.now())));
    }

    @Override
    public List<Anchor> anchors() {
        return sql.list("SELECT sequence, entry_hash, sha256, anchored_at FROM vault_anchor ORDER BY sequence", List.of(),
                row -> new Anchor(row.getLong(1), row.getString(2).strip(), row.getString(3).strip(), row.getString(4)));
    }
}
