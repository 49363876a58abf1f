package org.sightline.ingest.bundle;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The totals of an import across all its inputs. {@code indexDeferred} is true when another
 * process (a running server) holds the full-text index and will index the new objects itself.
 */
public record ImportReport(long imported, long unchanged, long invalid, Map<String, Long> byType, double seconds,
                           List<FileOutcome> files, long warnings, boolean indexDeferred) {

    public boolean anyRejected() {
        return files.stream().anyMatch(FileOutcome::rejected);
    }

    /** This import and another one, as one: counts and times summed, files and per-type counts together. */
    public ImportReport plus(ImportReport other) {
        Map<String, Long> types = new TreeMap<>(byType);
        other.byType.forEach((type, count) -> types.merge(type, count, Long::sum));
        return new ImportReport(imported + other.imported, unchanged + other.unchanged, invalid + other.invalid, types,
                seconds + other.seconds, Stream.concat(files.stream(), other.files.stream()).toList(),
                warnings + other.warnings, indexDeferred || other.indexDeferred);
    }

    public List<Rejection> rejections() {
        return files.stream().flatMap(f -> f.rejections().stream()).toList();
    }
}
