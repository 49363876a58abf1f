package org.sightline.ingest.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import java.util.function.LongConsumer;
import org.sightline.ingest.bundle.FileOutcome;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.sanctions.SanctionsList;
import org.sightline.store.StixStore;

/** What a format hands its objects to: the import's documents, each one transaction through the store's intake. */
public interface Documents {
    /** Converted objects, imported as one document named {@code source}. */
    FileOutcome objects(List<ObjectNode> objects, String source);

    /** A STIX document read as it streams in (of any size), with the count of objects read so far for the progress bar. */
    FileOutcome stream(InputStream in, String source, LongConsumer progress);

    /** One publication of a sanctions or indictment list: what it changes in the store, as one document. */
    FileOutcome sanctionsList(SanctionsList list, String source);

    /** A document refused before any object was read (unreadable, not the format it looked like). */
    default FileOutcome refused(String source, String why) {
        return new FileOutcome(source, true, why + "; nothing from this document was imported", 0, 0, 0, List.of());
    }

    /** The store being imported into (a MISP event's sightings refer to what it holds). */
    StixStore store();

    ImportOptions options();
}
