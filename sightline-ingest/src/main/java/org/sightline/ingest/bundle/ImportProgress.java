package org.sightline.ingest.bundle;

import java.nio.file.Path;

/** Told how far an import has come, for a progress bar. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (file, bytesRead, totalBytes, objects) -> { };

    void update(Path file, long bytesRead, long totalBytes, long objects);
}
