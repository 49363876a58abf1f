package org.sightline.store;

import java.util.List;
import java.util.Set;
import org.sightline.store.intake.Intake;
import org.sightline.store.jdbc.JdbcStixStore;
import org.sightline.store.search.FullTextIndex;
import org.sightline.store.search.SearchHit;

/**
 * The knowledge store, its full-text index, the API tokens and TAXII collections, opened together
 * from one location; {@link #intake()} is the one way objects are written to it.
 */
public record KnowledgeBase(StixStore store, FullTextIndex index, StoreLocation location,
                            org.sightline.store.tokens.TokenStore tokens, org.sightline.store.tokens.AuditLog audit,
                            org.sightline.store.collections.CollectionStore collections,
                            org.sightline.store.vault.LedgerAnchors ledgerAnchors, Intake intake)
        implements AutoCloseable {

    public static KnowledgeBase open(StoreLocation location) {
        JdbcStixStore store = JdbcStixStore.open(location);
        try {
            FullTextIndex index = new FullTextIndex(location.indexDir());
            KnowledgeBase knowledge = new KnowledgeBase(store, index, location, store.tokens(),
                    store.audit(), store.collections(), store.ledgerAnchors(), new Intake(store, index));
            DataDirectory.secure(location.dataDir()); // the database and index files just made, too
            return knowledge;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The evidence vault in the data directory, its ledger anchored in this store. */
    public org.sightline.store.vault.EvidenceVault vault() {
        return new org.sightline.store.vault.EvidenceVault(location.dataDir().resolve("vault"), ledgerAnchors);
    }

    /** Full-text search over what the store holds now: the index catches up first when it can. */
    public List<SearchHit> search(String text, Set<String> types, int limit) {
        index.sync(store);
        return index.search(text, types, limit);
    }

    @Override
    public void close() {
        try {
            index.close();
        } finally {
            store.close();
        }
    }
}
