package org.sightline.ingest.bundle;

import java.io.OutputStream;
import org.sightline.stix.json.StixWriter;
import org.sightline.store.StixStore;
import org.sightline.store.StixStore.ObjectQuery;

/**
 * Exports the current versions of the selected objects as one STIX 2.1 bundle, streamed. Since
 * every exported version is already stored, importing the bundle again changes nothing.
 */
public final class BundleExporter {
    private final StixStore store;

    public BundleExporter(StixStore store) {
        this.store = store;
    }

    /** Writes the bundle and returns how many objects it holds. */
    public long export(ObjectQuery query, OutputStream out, boolean pretty) {
        try (StixWriter writer = new StixWriter(out, pretty)) {
            store.forEachCurrent(query, writer::write);
            return writer.written();
        }
    }
}
