package org.sightline.intel.attribution;

import java.time.Instant;
import java.util.Objects;

/**
 * One graded piece of evidence for or against a claim: its kind (infrastructure overlap, imagery,
 * indictment…), the source and its Admiralty reliability, the item's credibility, the origin it
 * derives from (ten articles repeating one blog are one origin), and when it became knowable.
 */
public record Evidence(String id, Stance stance, String kind, String source, Reliability reliability,
                       Credibility credibility, String origin, Instant knownFrom) {

    public enum Stance {
        SUPPORTS, REFUTES;

        /** "supports" or "refutes", as a user types it; {@code label} names the input as the user knows it. */
        public static Stance parse(String text, String label) {
            return switch (text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "supports" -> SUPPORTS;
                case "refutes" -> REFUTES;
                default -> throw new org.sightline.error.InvalidInputException(label + " must be supports or refutes, got '" + text + "'");
            };
        }
    }

    public Evidence {
        Objects.requireNonNull(origin, "origin: evidence without an origin cannot be deduplicated");
        Objects.requireNonNull(knownFrom, "knownFrom: evidence must say when it became knowable");
    }
}
