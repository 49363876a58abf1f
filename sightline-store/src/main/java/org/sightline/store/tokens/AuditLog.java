package org.sightline.store.tokens;

import java.util.List;

/** The append-only record of API use. */
public interface AuditLog {
    void record(String tokenId, String role, String method, String path, int status, String remote);

    /** Entries at or after the timestamp (every entry when null), oldest first, at most {@code limit}. */
    List<AuditEntry> since(String timestamp, int limit);
}
