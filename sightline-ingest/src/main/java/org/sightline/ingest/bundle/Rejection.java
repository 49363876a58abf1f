package org.sightline.ingest.bundle;

import java.util.List;

/** An object that was not imported, with every rule it broke. */
public record Rejection(String source, String objectId, long index, long line, List<String> errors) {

    /** {@code file.json line 12 (object 3): indicator--…: 'valid_from' is required …}. */
    public String describe() {
        return source + " line " + line + " (object " + index + "): " + String.join("; ", errors);
    }
}
