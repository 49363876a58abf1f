package org.sightline.ingest.formats;

import java.nio.file.Path;
import org.sightline.ingest.bundle.FileOutcome;

/**
 * One kind of input the import understands. Each answers "is this mine?" from one {@link Peek}
 * and reads its files into STIX objects, which it hands to the import's {@link Documents}: as
 * objects, never written out as bytes and parsed again.
 */
public interface InputFormat {
    /** How the format is named to the user ("MISP galaxy", "STIX"). */
    String name();

    boolean recognises(Peek peek);

    /** Reads the file (or folder) and imports what it holds as one document. */
    FileOutcome read(Path path, Documents into);
}
