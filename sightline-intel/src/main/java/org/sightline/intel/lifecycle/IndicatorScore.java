package org.sightline.intel.lifecycle;

/**
 * An indicator's standing on a date: its score (0–1), whether it is still active, when and by what it
 * was last confirmed, who published it (null: nobody named),
 * how many of its sightings were marked false positives, and the reason in words.
 */
public record IndicatorScore(String id, String name, String observableType, double score, Status status, String confirmed, String confirmedBy,
                             long halfLifeDays, String source, int falsePositives, String why) {

    /** Active: worth matching. Expired: past valid_until or decayed under the threshold. Pending: valid_from not reached. Revoked. */
    public enum Status { ACTIVE, EXPIRED, PENDING, REVOKED }
}
