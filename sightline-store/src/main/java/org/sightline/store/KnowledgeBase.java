package org.sightline.store;

import java.util.List;
import java.util.Set;
import org.sightline.store.jdbc.JdbcStixStore;
import org.sightline.store.search.FullTextIndex;
import org.sightline.store.search.SearchHit;

/** The knowledge store, its full-text index, the API tokens and TAXII collections, opened together from one location. */
public record KnowledgeBase(StixStore store, FullTextIndex index, StoreLocation location,
                            org.sightline.store.tokens.TokenStore tokens, org.sightline.store.tokens.AuditLog audit,
                            org.sightline.store.collections.CollectionStore collections,
                            org.sightline.store.vault.LedgerAnchors ledgerAnchors)
        implements AutoCloseable {

    public static KnowledgeBase open(StoreLocation location) {
        JdbcStixStore store = JdbcStixStore.open(location);
        try {
            KnowledgeBase knowledge = new KnowledgeBase(store, new FullTextIndex(location.indexDir()), location, store.tokens(),
                    store.audit(), store.collections(), store.ledgerAnchors());
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

    /**
     * Writes objects the caller has already put through the intake policy, in one transaction, and
     * brings the search index up to them.
     */
    public WriteSummary write(java.util.Collection<org.sightline.stix.StixObject> objects) {
        WriteSummary summary = store.write(writer -> {
            objects.forEach(writer::put);
            writer.flush();
            return writer.summary();
        });
        index.sync(store);
        return summary;
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
