package org.sightline.store.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.sightline.error.InvalidInputException;
import org.sightline.stix.StixObject;
import org.sightline.stix.StixTypes;
import org.sightline.store.StixStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene full-text index over names, aliases, external ids and descriptions of current objects
 * (all but relationships and sightings).
 *
 * <p>It is derived from the store and catches up by itself: every commit records the last store
 * sequence number it covers, and {@link #sync} indexes what was written since. Only one process may
 * write a Lucene index; a process that finds the writer lock taken (a running server while an
 * import runs in another terminal) leaves the work to the holder, which catches up on its next
 * sync. Readers never need the lock, so searching always works.
 */
public final class FullTextIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FullTextIndex.class);
    private static final String LAST_SEQUENCE = "sightline.last_sequence";
    private static final String[] FIELDS = {"name", "aliases", "external_id", "description"};
    private static final Map<String, Float> BOOSTS = Map.of("name", 4f, "aliases", 3f, "external_id", 5f, "description", 1f);

    /**
     * Relationships and sightings are found through the things they connect, not by their own words;
     * leaving them out keeps the index to the entities an analyst searches for (a fifth of ATT&CK).
     */
    private static final Set<String> NOT_INDEXED = StixTypes.RELATIONSHIP_OBJECTS;

    private final Directory directory;
    private final StandardAnalyzer analyzer = new StandardAnalyzer();
    private DirectoryReader reader;

    public FullTextIndex(Path path) {
        try {
            Files.createDirectories(path);
            this.directory = new DerivedDirectory(FSDirectory.open(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the full-text index at " + path, e);
        }
    }

    /** What a sync did. {@code deferred} means another process holds the writer and will do it. */
    public record SyncResult(long indexed, long removed, long upToSequence, boolean deferred) {
    }

    /** Indexes everything the store wrote since the last sync. */
    public synchronized SyncResult sync(StixStore store) {
        return update(store, false);
    }

    /** Drops the index and rebuilds it from every current object. */
    public synchronized SyncResult rebuild(StixStore store) {
        return update(store, true);
    }

    private SyncResult update(StixStore store, boolean fromScratch) {
        long target = store.lastSequence();
        if (!fromScratch && indexedSequence() >= target) {
            return new SyncResult(0, 0, target, false);
        }
        try (IndexWriter writer = new IndexWriter(directory, writerConfig())) {
            long from = fromScratch ? 0 : lastSequence(writer);
            if (fromScratch) {
                writer.deleteAll();
            }
            long[] counts = {0, from};
            store.forEachCurrentSince(from, NOT_INDEXED, sequenced -> {
                index(writer, sequenced.object());
                counts[0]++;
                counts[1] = Math.max(counts[1], sequenced.sequence());
            });
            List<String> revoked = store.revokedSince(from);
            for (String id : revoked) {
                writer.deleteDocuments(new Term("id", id));
            }
            long upTo = Math.max(counts[1], target);
            writer.setLiveCommitData(Map.of(LAST_SEQUENCE, Long.toString(upTo)).entrySet());
            writer.commit();
            return new SyncResult(counts[0], revoked.size(), upTo, false);
        } catch (LockObtainFailedException e) {
            LOG.debug("full-text index is being written by another process; leaving the sync to it");
            return new SyncResult(0, 0, indexedSequence(), true);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            if (fromScratch) {
                throw new UncheckedIOException("cannot rebuild the full-text index: " + e.getMessage(), e);
            }
            LOG.warn("the full-text index was damaged ({}); rebuilding it from the store", e.getMessage());
            discard();
            return update(store, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the full-text index: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a writing session for an import, or nothing when another process holds the index. The
     * session indexes on a thread of its own while the import writes to the store.
     */
    public Optional<IndexSession> openSession() {
        try {
            return Optional.of(new IndexSession(new IndexWriter(directory, writerConfig())));
        } catch (LockObtainFailedException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot open the full-text index for writing ({}); it will catch up on the next sync", e.getMessage());
            return Optional.empty();
        }
    }

    private IndexWriterConfig writerConfig() {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
    }

    /**
     * Indexes the objects an import makes current, as it makes them. Nothing is visible until
     * {@link #commit}; closing an uncommitted session discards its work (the import rolled back).
     */
    public final class IndexSession implements AutoCloseable {
        private final IndexWriter writer;
        private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sightline-index");
            thread.setDaemon(true);
            return thread;
        });
        private volatile IOException failure;
        private boolean committed;

        private IndexSession(IndexWriter writer) {
            this.writer = writer;
        }

        /** Queues the object's new current version for indexing (or its removal, when revoked). */
        public void offer(StixObject current) {
            if (NOT_INDEXED.contains(current.type())) {
                return;
            }
            worker.execute(() -> {
                try {
                    if (current.revoked()) {
                        writer.deleteDocuments(new Term("id", current.id()));
                    } else {
                        index(writer, current);
                    }
                } catch (IOException | UncheckedIOException e) {
                    failure = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
                }
            });
        }

        /**
         * Makes the indexed objects searchable and records that the index covers the store up to
         * the sequence given (never less than it already covered).
         */
        public void commit(long coveredSequence) {
            drain();
            try {
                if (failure != null) {
                    throw failure;
                }
                long covered = Math.max(coveredSequence, lastSequence(writer));
                writer.setLiveCommitData(Map.of(LAST_SEQUENCE, Long.toString(covered)).entrySet());
                writer.commit();
                committed = true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot commit the full-text index: " + e.getMessage(), e);
            }
        }

        private void drain() {
            worker.shutdown();
            try {
                worker.awaitTermination(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            drain();
            try {
                if (committed) {
                    writer.close();
                } else {
                    writer.rollback();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the full-text index: " + e.getMessage(), e);
            }
        }
    }

    private void index(IndexWriter writer, StixObject object) {
        Document document = new Document();
        document.add(new StringField("id", object.id(), Field.Store.YES));
        document.add(new StringField("type", object.type(), Field.Store.YES));
        String name = object.name() != null ? object.name() : object.text("value");
        if (name != null) {
            document.add(new TextField("name", name, Field.Store.YES));
        }
        List<String> aliases = new ArrayList<>(object.strings("aliases"));
        aliases.addAll(object.strings("x_mitre_aliases"));
        for (String alias : aliases) {
            document.add(new TextField("aliases", alias, Field.Store.NO));
        }
        object.json().path("external_references").forEach(ref -> {
            if (ref.hasNonNull("external_id")) {
                document.add(new TextField("external_id", ref.get("external_id").asText(), Field.Store.NO));
            }
        });
        String description = object.description();
        if (description != null) {
            document.add(new TextField("description", description, Field.Store.NO));
        }
        try {
            writer.updateDocument(new Term("id", object.id()), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every index file, so that the next writer starts an empty index. */
    private void discard() {
        try {
            if (reader != null) {
                reader.close();
                reader = null;
            }
            for (String file : directory.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot discard the damaged full-text index: " + e.getMessage(), e);
        }
    }

    /** Searches names, aliases, external ids and descriptions; all words must match somewhere. */
    public synchronized List<SearchHit> search(String text, Set<String> types, int limit) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("search: the query text is empty");
        }
        try {
            DirectoryReader current = reader();
            if (current == null) {
                return List.of();
            }
            IndexSearcher searcher = new IndexSearcher(current);
            ScoreDoc[] docs = searcher.search(query(text, types), Math.max(1, limit)).scoreDocs;
            List<SearchHit> hits = new ArrayList<>(docs.length);
            for (ScoreDoc doc : docs) {
                Document stored = searcher.storedFields().document(doc.doc);
                hits.add(new SearchHit(stored.get("id"), stored.get("type"), stored.get("name"), doc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("full-text search failed: " + e.getMessage(), e);
        }
    }

    /**
     * Every word of the text (as the analyzer splits it) must occur in one of the fields; a word
     * found in a name counts more than one found in a description. The text is never parsed as
     * Lucene syntax, so "AND", brackets or wildcards are just words.
     */
    private Query query(String text, Set<String> types) {
        List<String> words = analyze(text);
        if (words.isEmpty()) {
            throw new InvalidInputException("search: '" + text + "' has no words to look for");
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            List<Query> perField = new ArrayList<>();
            for (String field : FIELDS) {
                perField.add(new BoostQuery(new TermQuery(new Term(field, word)), BOOSTS.get(field)));
            }
            all.add(new DisjunctionMaxQuery(perField, 0.1f), BooleanClause.Occur.MUST);
        }
        if (!types.isEmpty()) {
            BooleanQuery.Builder typeFilter = new BooleanQuery.Builder();
            for (String type : types) {
                typeFilter.add(new TermQuery(new Term("type", type)), BooleanClause.Occur.SHOULD);
            }
            all.add(typeFilter.build(), BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    private List<String> analyze(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("name", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** The store sequence the last commit covers (0 for an empty index). */
    public synchronized long indexedSequence() {
        try {
            DirectoryReader current = reader();
            if (current == null) {
                return 0;
            }
            String value = current.getIndexCommit().getUserData().get(LAST_SEQUENCE);
            return value == null ? 0 : Long.parseLong(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized int documentCount() {
        DirectoryReader current = reader();
        return current == null ? 0 : current.numDocs();
    }

    /**
     * The index is derived from the store and rebuilt from it when damaged (see {@link #update}), so
     * it skips Lucene's fsync on commit: durability is the database's job, and the fsyncs cost more
     * than the indexing itself on an import.
     */
    private static final class DerivedDirectory extends FilterDirectory {
        DerivedDirectory(Directory delegate) {
            super(delegate);
        }

        @Override
        public void sync(java.util.Collection<String> names) {
        }

        @Override
        public void syncMetaData() {
        }
    }

    private static long lastSequence(IndexWriter writer) {
        for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
            if (LAST_SEQUENCE.equals(entry.getKey())) {
                return Long.parseLong(entry.getValue());
            }
        }
        return 0;
    }

    private DirectoryReader reader() {
        try {
            if (reader == null) {
                if (!DirectoryReader.indexExists(directory)) {
                    return null;
                }
                reader = DirectoryReader.open(directory);
            } else {
                DirectoryReader newer = DirectoryReader.openIfChanged(reader);
                if (newer != null) {
                    reader.close();
                    reader = newer;
                }
            }
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the full-text index: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (reader != null) {
                reader.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
