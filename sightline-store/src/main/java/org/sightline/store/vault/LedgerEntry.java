package org.sightline.store.vault;

/**
 * One line of the evidence ledger: who added which artifact (by SHA-256), when, for which claim and
 * source, chained to the previous line by its hash, and sealed by a hash of all of that.
 */
public record LedgerEntry(long sequence, String time, String who, String sha256, String name, long size,
                          String claim, String source, String previous, String hash) {
}
