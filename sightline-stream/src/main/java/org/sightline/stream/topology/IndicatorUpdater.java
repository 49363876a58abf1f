package org.sightline.stream.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global indicator store as the compacted topic says: a value adds or replaces an indicator, a tombstone withdraws it. */
final class IndicatorUpdater implements Processor<String, String, Void, Void> {
    private final IndicatorCatalog catalog;
    private KeyValueStore<String, String> store;

    IndicatorUpdater(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(IndicatorCatalog.STORE);
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.key() == null) {
            return; // a compacted topic's messages are keyed by indicator id; one without a key names nothing
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        catalog.changed();
    }
}
