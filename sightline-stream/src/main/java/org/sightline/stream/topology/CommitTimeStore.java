package org.sightline.stream.topology;

import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A changelogged key-value store that its processor writes when Kafka Streams commits, not on every
 * change. Kafka Streams flushes every store of a task just before it commits the task's offsets (in
 * the same transaction, under exactly-once), so what {@link #beforeCommit} writes here is in the
 * changelog exactly when the offsets it was counted from are: a tally that changes on every match
 * is kept in the processor's own memory and written once per commit, instead of costing a store
 * write (two serialisations and a cache entry) per match.
 *
 * <p>It is deliberately not a {@code KeyValueStore}: Kafka Streams hands a processor a store of an
 * unknown type as it is, so the processor reaches {@link #beforeCommit}.
 */
final class CommitTimeStore implements StateStore {
    private final KeyValueStore<String, String> inner;
    private Runnable beforeCommit = () -> { };

    private CommitTimeStore(KeyValueStore<String, String> inner) {
        this.inner = inner;
    }

    /** A builder for the topology: an in-memory store of strings, changelogged, uncached (this store is its own cache). */
    static StoreBuilder<CommitTimeStore> builder(String name) {
        StoreBuilder<KeyValueStore<String, String>> inner = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), Serdes.String()).withCachingDisabled().withLoggingEnabled(Map.of());
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<CommitTimeStore> withCachingEnabled() {
                throw new UnsupportedOperationException("a commit-time store caches by itself");
            }

            @Override
            public StoreBuilder<CommitTimeStore> withCachingDisabled() {
                return this;
            }

            @Override
            public StoreBuilder<CommitTimeStore> withLoggingEnabled(Map<String, String> config) {
                inner.withLoggingEnabled(config);
                return this;
            }

            @Override
            public StoreBuilder<CommitTimeStore> withLoggingDisabled() {
                throw new UnsupportedOperationException("a commit-time store is changelogged: that is what it is for");
            }

            @Override
            public CommitTimeStore build() {
                return new CommitTimeStore(inner.build());
            }

            @Override
            public Map<String, String> logConfig() {
                return inner.logConfig();
            }

            @Override
            public boolean loggingEnabled() {
                return inner.loggingEnabled();
            }

            @Override
            public String name() {
                return inner.name();
            }
        };
    }

    /** What to write before each commit (called on the stream thread, within the task's transaction). */
    void beforeCommit(Runnable write) {
        this.beforeCommit = write;
    }

    void put(String key, String value) {
        inner.put(key, value);
    }

    void delete(String key) {
        inner.delete(key);
    }

    /** Every entry, as restored from the changelog when a task starts. */
    void forEach(BiConsumer<String, String> entry) {
        try (KeyValueIterator<String, String> all = inner.all()) {
            all.forEachRemaining(kv -> entry.accept(kv.key, kv.value));
        }
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        inner.init(context, root);
    }

    @Override
    public void flush() {
        beforeCommit.run();
        inner.flush();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public org.apache.kafka.streams.query.Position getPosition() {
        return inner.getPosition();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }
}
