package org.sightline.intel.screening.evaluation;

/**
 * One query of a labelled screening set: a spelling of a listed name that must find its entry
 * ({@code expectedId}), or a similar name of someone else that must find nothing ({@code expectedId}
 * null); {@code variant} says how it was made.
 */
public record LabelledQuery(String query, String kind, String expectedId, String source, String variant) {
    public boolean positive() {
        return expectedId != null;
    }
}
