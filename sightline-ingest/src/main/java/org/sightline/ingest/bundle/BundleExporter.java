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

    /** How many objects the bundle holds, and how many revoked ones the query left out. */
    public record Exported(long written, long revokedLeftOut) {
    }

    /**
     * Writes the bundle. Revoked objects go in only when the query includes them (TAXII serves them,
     * STIX 2.1 §3.6.2 says consumers keep them), and those left out are counted so the user hears of them.
     */
    public Exported export(ObjectQuery query, OutputStream out, boolean pretty) {
        long[] leftOut = {0};
        try (StixWriter writer = new StixWriter(out, pretty)) {
            store.forEachCurrent(new ObjectQuery(query.types(), query.ids(), true), object -> {
                if (object.revoked() && !query.includeRevoked()) {
                    leftOut[0]++;
                } else {
                    writer.write(object);
                }
            });
            return new Exported(writer.written(), leftOut[0]);
        }
    }
}
