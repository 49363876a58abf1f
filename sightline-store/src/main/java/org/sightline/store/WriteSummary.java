package org.sightline.store;

import java.util.Map;
import java.util.TreeMap;

/** What a write did: versions added (by type), versions already present, and versions kept only as history. */
public final class WriteSummary {
    private final Map<String, Long> addedByType = new TreeMap<>();
    private long added;
    private long unchanged;
    private long history;

    public void countAdded(String type, boolean becameCurrent) {
        added++;
        addedByType.merge(type, 1L, Long::sum);
        if (!becameCurrent) {
            history++;
        }
    }

    public void countUnchanged() {
        unchanged++;
    }

    /** Versions newly stored (current or history). */
    public long added() {
        return added;
    }

    /** Versions that were already stored: re-importing them is a no-op. */
    public long unchanged() {
        return unchanged;
    }

    /** Added versions older than the current one, kept as history. */
    public long history() {
        return history;
    }

    public Map<String, Long> addedByType() {
        return Map.copyOf(addedByType);
    }
}
