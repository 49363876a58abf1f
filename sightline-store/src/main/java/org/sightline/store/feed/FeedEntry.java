package org.sightline.store.feed;

import java.time.Instant;
import org.sightline.stix.StixTimestamp;
import org.sightline.stix.markings.Tlp;

/**
 * One stored version as a feed serves it: the order it was added in, when, what it is, and its JSON
 * as stored (sent on as it is, without parsing it again). The date added and version are kept raw
 * and formatted only when asked for: a page of objects needs them for its first and last entry only.
 *
 * @param versionKey the stored sort key of the version's modified (else created) timestamp; empty for unversioned objects
 */
public record FeedEntry(long sequence, Instant added, String id, String type, String versionKey, String specVersion,
                        Tlp tlp, String json) {

    /** TAXII's date added: a STIX timestamp with microseconds. */
    public String addedAt() {
        return StixTimestamp.formatMicros(added);
    }

    /** The version's modified (else created) timestamp; empty for unversioned objects. */
    public String version() {
        return versionKey.isEmpty() ? "" : StixTimestamp.fromSortKey(versionKey);
    }
}
