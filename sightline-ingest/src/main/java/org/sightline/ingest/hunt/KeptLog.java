package org.sightline.ingest.hunt;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One log a hunt can read: a file kept in the archive (with the span of its events, known when it
 * was kept) or a file in a folder the user pointed to (its span unknown: {@code first} null, and
 * {@code last} the time the file was last written, after which it holds no event; {@code keptAt} null).
 */
public record KeptLog(Path file, String source, Instant first, Instant last, long events, Instant keptAt) {

    /** False when every event of the file is older than {@code since}: a hunt from then need not read it. */
    public boolean mayHoldEventsFrom(Instant since) {
        return since == null || last == null || !last.isBefore(since);
    }
}
