package org.sightline.store.vault;

import java.util.List;

/**
 * Where the hash of every ledger entry is recorded as it is appended, away from the ledger file:
 * the knowledge store. A chain that someone shortened, deleted or recomputed no longer matches it.
 */
public interface LedgerAnchors {
    /** One anchored ledger entry: its sequence, its hash, and the artifact it archived. */
    record Anchor(long sequence, String entryHash, String sha256, String anchoredAt) {
    }

    void anchor(LedgerEntry entry);

    /** Every anchor, by sequence. */
    List<Anchor> anchors();
}
