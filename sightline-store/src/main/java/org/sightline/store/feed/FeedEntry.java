package org.sightline.store.feed;

import org.sightline.stix.markings.Tlp;

/**
 * One stored version as a feed serves it: the order it was added in, when, what it is, and its JSON
 * as stored (sent on as it is, without parsing it again).
 *
 * @param addedAt STIX timestamp with microseconds: TAXII's date added
 * @param version the version's modified (else created) timestamp; empty for unversioned objects
 */
public record FeedEntry(long sequence, String addedAt, String id, String type, String version, String specVersion,
                        Tlp tlp, String json) {
}
