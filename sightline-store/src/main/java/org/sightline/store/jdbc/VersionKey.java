package org.sightline.store.jdbc;

import org.sightline.stix.StixObject;
import org.sightline.stix.StixTimestamp;

/** The stored ordering key of a version: its modified (else created) timestamp, padded; '' when unversioned. */
final class VersionKey {
    private VersionKey() {
    }

    static String of(StixObject object) {
        return object.versionTimestamp().map(VersionKey::ofTimestamp).orElse("");
    }

    static String ofTimestamp(String timestamp) {
        return StixTimestamp.isValid(timestamp) ? StixTimestamp.sortKey(timestamp) : timestamp;
    }
}
