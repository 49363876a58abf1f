package org.sightline.ingest.bundle;

import java.util.List;
import java.util.Map;

/**
 * The totals of an import across all its inputs. {@code indexDeferred} is true when another
 * process (a running server) holds the full-text index and will index the new objects itself.
 */
public record ImportReport(long imported, long unchanged, long invalid, Map<String, Long> byType, double seconds,
                           List<FileOutcome> files, long warnings, boolean indexDeferred) {

    public boolean anyRejected() {
        return files.stream().anyMatch(FileOutcome::rejected);
    }

    public List<Rejection> rejections() {
        return files.stream().flatMap(f -> f.rejections().stream()).toList();
    }
}
