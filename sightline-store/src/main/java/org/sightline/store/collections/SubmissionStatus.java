package org.sightline.store.collections;

import java.util.List;

/**
 * The status of one TAXII POST (TAXII 2.1 §4.3): how many objects it carried and what became of
 * each. {@code status} is {@code pending} until the envelope is stored, then {@code complete}.
 */
public record SubmissionStatus(String id, String collectionId, String tokenId, String status, String requestTimestamp,
                               List<Outcome> successes, List<Outcome> failures, List<Outcome> pendings) {
    public SubmissionStatus {
        successes = List.copyOf(successes);
        failures = List.copyOf(failures);
        pendings = List.copyOf(pendings);
    }

    /** One object's outcome; {@code message} says why it failed. */
    public record Outcome(String id, String version, String message) {
    }

    public int total() {
        return successes.size() + failures.size() + pendings.size();
    }
}
