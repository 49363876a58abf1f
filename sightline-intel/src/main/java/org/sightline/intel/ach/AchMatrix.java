package org.sightline.intel.ach;

import java.util.List;

/**
 * An analysis of competing hypotheses as recorded: the question, the hypotheses (each may stand
 * for a claim), and the ratings of evidence items against hypotheses.
 */
public record AchMatrix(String id, String question, List<Hypothesis> hypotheses, List<Rating> ratings) {

    /** A hypothesis by its short key, with its wording and, when it is one, the claim it stands for. */
    public record Hypothesis(String key, String label, String claim) {
    }

    public record Rating(String evidence, String hypothesis, Consistency consistency) {
    }
}
