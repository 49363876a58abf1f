package org.sightline.ingest.sightings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.sightline.error.InvalidInputException;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportReport;
import org.sightline.stix.StixObject;
import org.sightline.stix.extensions.SightlineExtensions;
import org.sightline.stix.json.StixWriter;
import org.sightline.store.StixStore;
import org.sightline.store.search.FullTextIndex;

/** Sightings a run found, stored through the importer: validated and written in one transaction like any bundle, or not at all. */
public final class SightingImport {
    private SightingImport() {
    }

    /** Returns how many objects were stored (the sightings with their observed-data and observables). */
    public static long store(StixStore store, FullTextIndex index, List<ObjectNode> objects) {
        if (objects.isEmpty()) {
            return 0;
        }
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        try (StixWriter writer = new StixWriter(bundle, false)) {
            if (objects.stream().anyMatch(object -> object.has("extensions"))) { // a retro-hunt's: never an extension without its definition
                SightlineExtensions.definitions().forEach(definition -> writer.write(new StixObject(definition)));
            }
            objects.forEach(object -> writer.write(new StixObject(object)));
        }
        ImportReport report = new BundleImporter(store, index)
                .importStream(new ByteArrayInputStream(bundle.toByteArray()), "sightings", ImportOptions.strict());
        if (report.anyRejected()) {
            throw new InvalidInputException("the sightings were not stored: " + report.files().get(0).message(),
                    report.rejections().stream().map(r -> r.describe()).toList());
        }
        return report.imported();
    }
}
